package io.carlo.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected strings are what Excel (en-US) shows for these values and codes. */
class ExcelNumberFormatTest {

    @ParameterizedTest(name = "{0} with ''{1}'' -> ''{2}''")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "1234.567|0|1235",
        "1234.567|0.00|1234.57",
        "1234.567|#,##0.00|1,234.57",
        "-1234.567|#,##0.00|-1,234.57",
        "1234567|#,##0|1,234,567",
        "5|#,##0|5",
        "0|#,##0|0",
        "0|#|''",
        "0.5|#.##|.5",
        "1|0.0#|1.0",
        "1.25|0.0#|1.25",
        "1|#.#|1.",
        "1.005|0.00|1.01",
        "2.5|0|3",
        "-2.5|0|-3",
        "0.125|0.0%|12.5%",
        "0.5|0%|50%",
        "1234567|0,|1235",
        "1234567|#,##0,,\"M\"|1M",
        "1234567|0.0,,|1.2",
        "12345.678|0.00E+00|1.23E+04",
        "0.000123|0.00E+00|1.23E-04",
        "12345|##0.0E+0|12.3E+3",
        "0|0.00E+00|0.00E+00",
        "1.5|# ?/?|1 1/2",
        "0.75|?/?|3/4",
        "1.25|?/?|5/4",
        "3.14159|# ??/???|3 16/113",
        "0.3|# ?/16|' 5/16'",
        "5|000|005",
        "5551234567|(000) 000-0000|(555) 123-4567",
        "12|\"Total: \"0|Total: 12",
        "12|0\\ \\k\\g|12 kg",
        "3|0_)|'3 '",
        "-3|0;(0)|(3)",
        "0|0;(0);\"zero\"|zero",
        "-0.5|0.0;(0.0)|(0.5)",
        "5|[Red]0;[Blue]-0|5",
        "150|[>=100]\"big\";\"small\"|big",
        "50|[>=100]\"big\";\"small\"|small",
        "1234.5|$#,##0.00|$1,234.50",
        "-1234.5|$#,##0.00|-$1,234.50",
        "1234.5|[$€-407] #,##0.00|€ 1,234.50",
        "7|General|7",
        "3.14159265358979|General|3.141592654",
        "123456789012|General|1.23457E+11",
        "0.00001|General|1E-05",
        "0.0001|General|0.0001",
        "-0.5|General|-0.5",
        "45000|yyyy-mm-dd|2023-03-15",
        "45000|d/m/yy|15/3/23",
        "45000|mmmm d, yyyy|March 15, 2023",
        "45000|ddd dddd mmm mmmmm|Wed Wednesday Mar M",
        "45000.75|h:mm AM/PM|6:00 PM",
        "45000.75|hh:mm:ss|18:00:00",
        "0.5|h:mm a/p|12:00 p",
        "1.5|[h]:mm|36:00",
        "0.0006944444|[mm]:ss|01:00",
        "0.000011574|hh:mm:ss.00|00:00:01.00",
        "0.99999999|hh:mm:ss|00:00:00",
        "60|yyyy-mm-dd|1900-02-29",
        "0|yyyy-mm-dd|1900-01-00",
        "45000|m|3",
        "45000.5|mm:ss|00:00",
        "-5|[>=100]0;0|5",
        "-5|[<=-1]\"neg \"0;[>0]0;\"zero\"|-neg 5",
        "-5|[<0]0;0|5",
        "-1.5|0;(# ?/?)|(1 1/2)",
        "-12345|0;0.0E+00|1.2E+04",
        "5|\"a\"@|5",
        "2|# ?/?|'2    '",
        "0.333|?/???|332/997",
        "5|0.###|5.",
        "1E+20|0|100000000000000000000",
    })
    void formatsNumbers(double value, String code, String expected) {
        assertEquals(expected, ExcelNumberFormat.format(value, code));
    }

    @Test
    void formatsTextWithTextSection() {
        assertEquals("abc", ExcelNumberFormat.format(Scalar.of("abc"), "0.00"));
        assertEquals("[abc]", ExcelNumberFormat.format(Scalar.of("abc"), "\"[\"@\"]\""));
        assertEquals("text: abc", ExcelNumberFormat.format(Scalar.of("abc"), "0;-0;0;\"text: \"@"));
        assertEquals("TRUE", ExcelNumberFormat.format(Scalar.of(true), "0.00"));
    }

    @Test
    void negativeDatesCannotBeShown() {
        assertThrows(ErrorSignal.class, () -> ExcelNumberFormat.format(-1, "yyyy"));
        assertEquals("#######", ExcelNumberFormat.cellText(Scalar.of(-1), "yyyy"));
    }
}
