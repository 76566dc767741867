package io.carlo.engine.function.date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelDates;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ExcelCalendarTest {

    @Test
    void everySerialRoundTripsThroughItsDate() {
        for (int serial = 0; serial <= ExcelCalendar.MAX_SERIAL; serial++) {
            ExcelCalendar.Ymd d = ExcelCalendar.ymd(serial);
            assertEquals(serial, ExcelCalendar.serial(d.year(), d.month(), d.day()), "serial " + serial);
        }
    }

    @Test
    void agreesWithTheEngineDateConversionOutsideThePhantomDay() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2101; d = d.plusDays(1)) {
            assertEquals(ExcelDates.toSerial(d), ExcelCalendar.serial(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
    }

    @Test
    void knowsLotusPhantomLeapDay() {
        assertEquals(new ExcelCalendar.Ymd(1900, 2, 29), ExcelCalendar.ymd(60));
        assertEquals(new ExcelCalendar.Ymd(1900, 3, 1), ExcelCalendar.ymd(61));
        assertEquals(new ExcelCalendar.Ymd(1900, 1, 0), ExcelCalendar.ymd(0));
        assertEquals(29, ExcelCalendar.daysInMonth(1900, 2));
        assertEquals(0, ExcelCalendar.weekday(1)); // 1 January 1900 is a "Sunday" in Excel
    }

    @Test
    void rejectsSerialsOutsideExcelsRange() {
        assertThrows(ErrorSignal.class, () -> ExcelCalendar.day(-0.5));
        assertThrows(ErrorSignal.class, () -> ExcelCalendar.day(ExcelCalendar.MAX_SERIAL + 1));
        assertEquals(ExcelCalendar.MAX_SERIAL, ExcelCalendar.day(ExcelCalendar.MAX_SERIAL + 0.99));
    }
}
