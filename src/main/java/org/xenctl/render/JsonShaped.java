package org.xenctl.render;

/**
 * A value whose JSON form is not its record components: a view that carries text-only choices (which column to
 * print, whether to show names) or builds its fields from the columns asked for.
 */
public interface JsonShaped {
    /** What {@link Json} writes in place of this value: a record, a map, a list or a scalar. */
    Object json();
}
