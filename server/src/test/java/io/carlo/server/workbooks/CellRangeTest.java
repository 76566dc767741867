package io.carlo.server.workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carlo.server.api.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class CellRangeTest {

    @Test
    void readsA1RangesZeroBasedAndInclusive() {
        CellRange r = CellRange.parse("A1:J50");
        assertThat(r).isEqualTo(new CellRange(0, 0, 49, 9));
        assertThat(r.cellCount()).isEqualTo(500);
        assertThat(r.a1()).isEqualTo("A1:J50");
    }

    @Test
    void acceptsOneCellAbsoluteReferencesLowerCaseAndReversedCorners() {
        assertThat(CellRange.parse("c7")).isEqualTo(new CellRange(6, 2, 6, 2));
        assertThat(CellRange.parse(" $B$2:$AA$10 ")).isEqualTo(new CellRange(1, 1, 9, 26));
        assertThat(CellRange.parse("J50:A1")).isEqualTo(CellRange.parse("A1:J50"));
        assertThat(CellRange.parse("J1:A50")).isEqualTo(CellRange.parse("A1:J50"));
    }

    @Test
    void reachesTheLastCellOfExcelsGrid() {
        CellRange r = CellRange.parse("A1:XFD1048576");
        assertThat(r).isEqualTo(new CellRange(0, 0, 1_048_575, 16_383));
        assertThat(r.cellCount()).isEqualTo(1_048_576L * 16_384L);
        assertThat(r.a1()).isEqualTo("A1:XFD1048576");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "1", "A0", "XFE1", "A1048577", "A1:B2:C3", "A1:", "Sheet1!A1", "AAAA1", "A-1"})
    void refusesWhatIsNotARangeWithABadRequest(String text) {
        assertThatThrownBy(() -> CellRange.parse(text)).isInstanceOf(ApiException.class)
                .hasMessageContaining("is not a cell range")
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
