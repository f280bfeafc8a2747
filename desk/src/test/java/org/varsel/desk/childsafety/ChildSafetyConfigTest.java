package org.varsel.desk.childsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskSettings;

class ChildSafetyConfigTest {
    @Test
    void defaultsAreTheHotlineTopicLeadsAndAdminsAndTheChildrensPlatforms() {
        ChildSafetyConfig config = DeskSettings.defaults().childSafety();
        assertThat(config.hotlineTopic()).isEqualTo("varsel.hotline");
        assertThat(config.exportRoles()).containsExactlyInAnyOrder(Role.LEAD, Role.ADMIN);
        assertThat(config.platforms())
                .containsExactly("tiktok", "youtube", "instagram", "snapchat", "roblox", "discord");
    }

    @Test
    void theEnvironmentOverridesAndTheDeskAcceptsTheKeys() {
        ChildSafetyConfig config = DeskSettings.load(
                        Optional.empty(),
                        Map.of(
                                "VARSEL_DESK_HOTLINE_EXPORT_ROLES",
                                "admin",
                                "VARSEL_DESK_CHILD_SAFETY_PLATFORMS",
                                " Roblox, discord,roblox "))
                .childSafety();
        assertThat(config.exportRoles()).isEqualTo(Set.of(Role.ADMIN));
        assertThat(config.platforms()).isEqualTo(List.of("roblox", "discord"));
        assertThat(DeskSettings.fromMap(
                                Map.of(ChildSafetyConfig.HOTLINE_TOPIC, "t", ChildSafetyConfig.PLATFORMS, "tiktok"))
                        .childSafety()
                        .hotlineTopic())
                .isEqualTo("t");
    }

    @Test
    void partnersMayNeverExportAndUnknownRolesAreRefused() {
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of(ChildSafetyConfig.EXPORT_ROLES, "lead,partner")))
                .hasMessageContaining("never partner");
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of(ChildSafetyConfig.EXPORT_ROLES, "boss")))
                .hasMessageContaining("unknown role");
        assertThatThrownBy(() -> DeskSettings.fromMap(Map.of(ChildSafetyConfig.PLATFORMS, " , ")))
                .hasMessageContaining("at least one platform");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(ChildSafetyRoutes.csvRow(List.of("=HYPERLINK(\"x\")", "@handle", "a,b", "plain")))
                .isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",'@handle,\"a,b\",plain\r\n");
    }
}
