package org.gridwatch.redistrict;

import org.gridwatch.support.OnH2;
import org.springframework.test.context.TestPropertySource;

/** On an in-memory H2GIS database of its own. */
@OnH2
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gridwatch-edit;DB_CLOSE_DELAY=-1")
class EditUndoOnH2Test extends EditUndoContract {}
