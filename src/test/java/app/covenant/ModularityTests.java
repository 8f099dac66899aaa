package app.covenant;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries of ARCHITECTURE.md hold, and the module documentation is generated from the code. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CovenantApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
