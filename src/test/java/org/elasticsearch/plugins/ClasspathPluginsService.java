package org.elasticsearch.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.elasticsearch.Build;
import org.elasticsearch.env.Environment;

/**
 * Test support: loads plugin classes straight from the classpath (a real node reads plugin
 * bundles from its plugins directory as named modules). In this package to reach the
 * package-private plugin loading API.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> loaded;

    public ClasspathPluginsService(Environment environment, List<Class<? extends Plugin>> classes) {
        super(environment.settings(), environment.configDir(), emptyLoader());
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (Class<? extends Plugin> type : classes) {
            Plugin plugin = loadPlugin(type, environment.settings(), environment.configDir());
            var descriptor = new PluginDescriptor(type.getSimpleName(), type.getName(), "0", Build.current().version(),
                    "25", type.getName(), null, List.of(), false, false, false, false,
                    PluginDescriptor.DeploymentTarget.ALL);
            plugins.add(new LoadedPlugin(descriptor, plugin, type.getClassLoader()));
        }
        loadExtensions(plugins);
        this.loaded = List.copyOf(plugins);
    }

    public static PluginsLoader emptyLoader() {
        return new PluginsLoader(Set.of(), Set.of(), Map.of());
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return loaded;
    }
}
