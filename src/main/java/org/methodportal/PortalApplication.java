package org.methodportal;

import org.methodportal.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(PortalApplication.class, args);
    }
}
