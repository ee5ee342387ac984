package org.xenctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.xenctl.render.view.ListColumn;
import picocli.CommandLine.TypeConversionException;

class ListColumnsTest {
    private final ListColumns.Converter converter = new ListColumns.Converter();

    @Test
    void the_names_in_the_help_are_every_columns_name() {
        assertThat(ListColumns.KNOWN)
                .isEqualTo(Stream.of(ListColumn.values()).map(ListColumn::key).collect(Collectors.joining(",")));
    }

    @Test
    void names_are_read_in_order_ignoring_case_and_blanks() {
        assertThat(converter.convert("State, NAME,maxmem").columns())
                .containsExactly(ListColumn.STATE, ListColumn.NAME, ListColumn.MAXMEM);
    }

    @Test
    void unknown_empty_and_repeated_names_are_refused() {
        assertThatThrownBy(() -> converter.convert("name,size")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("unknown column 'size'");
        assertThatThrownBy(() -> converter.convert("name,")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("an empty column name");
        assertThatThrownBy(() -> converter.convert("id,ID")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("column 'id' is named twice");
    }
}
