package io.carlo.engine.workbook;

/**
 * A defined name.
 *
 * @param scopeSheet the sheet it is local to, or -1 for a workbook-wide name
 * @param formula    what it refers to, without '=' (usually a reference such as Sheet1!$B$2)
 */
public record DefinedName(String name, int scopeSheet, String formula) {
}
