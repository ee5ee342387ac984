package org.xenctl.render;

/**
 * A command's result, ready to print. Its JSON form is the record itself (field names in snake_case, the contract
 * in docs/json.md); its text form is written by {@link #writeText}.
 */
public interface View {
    void writeText(TextOutput out);
}
