package org.methodportal.ui;

import java.util.List;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;

/** Date pickers in the user's language: the web component only ships English month and day names. */
public final class DatePickers {

    private DatePickers() {
    }

    /** A date picker labelled from the bundle, with calendar texts and date format from the bundle. */
    public static DatePicker create(String labelKey) {
        DatePicker picker = new DatePicker();
        picker.setLabel(picker.getTranslation(labelKey));
        picker.setClearButtonVisible(true);
        picker.setI18n(new DatePickerI18n()
                .setMonthNames(list(picker, "shell.datepicker.months"))
                .setWeekdays(list(picker, "shell.datepicker.weekdays"))
                .setWeekdaysShort(list(picker, "shell.datepicker.weekdays-short"))
                .setFirstDayOfWeek(Integer.parseInt(picker.getTranslation("shell.datepicker.first-day-of-week")))
                .setToday(picker.getTranslation("shell.datepicker.today"))
                .setCancel(picker.getTranslation("shell.datepicker.cancel"))
                .setDateFormat(picker.getTranslation("shell.datepicker.format")));
        return picker;
    }

    private static List<String> list(DatePicker picker, String key) {
        return List.of(picker.getTranslation(key).split(","));
    }
}
