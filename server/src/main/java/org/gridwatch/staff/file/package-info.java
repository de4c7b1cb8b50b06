/**
 * Roster files as districts keep them: CSV and Excel workbooks read into rows of named columns, and written back
 * (the raw cells, {@link org.gridwatch.staff.file.SheetCells}, also serve other tables kept as files, e.g. addresses).
 * Knows nothing of the roster's entities; {@code org.gridwatch.staff} checks and stores the rows.
 */
package org.gridwatch.staff.file;
