package org.gridwatch.staff.file;

import java.util.List;

/**
 * A file's cells as read, before any header is looked for: {@code lineNumbers.get(k)} is the line (CSV) or
 * spreadsheet row (.xlsx) the user sees for {@code lines.get(k)}.
 */
public record SheetCells(List<List<String>> lines, List<Integer> lineNumbers, boolean spreadsheet) {}
