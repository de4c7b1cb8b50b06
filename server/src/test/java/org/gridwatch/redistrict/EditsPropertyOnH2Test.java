package org.gridwatch.redistrict;

import org.gridwatch.support.OnH2;
import org.springframework.test.context.TestPropertySource;

/** On the in-memory H2GIS database the other irreversible edits use. */
@OnH2
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:gridwatch-edit;DB_CLOSE_DELAY=-1")
class EditsPropertyOnH2Test extends EditsPropertyContract {}
