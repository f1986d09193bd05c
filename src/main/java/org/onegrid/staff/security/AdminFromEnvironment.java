package org.onegrid.staff.security;

import org.onegrid.staff.CreateUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * For unattended installs: {@code ONEGRID_ADMIN_PASSWORD} (property {@code onegrid.admin.password}) creates the
 * administrator {@code admin} at start while none exists, instead of the {@code /setup} page.
 */
@Component
@Order(35)
class AdminFromEnvironment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminFromEnvironment.class);

    private final SetupState state;
    private final FirstStart firstStart;
    private final String password;

    AdminFromEnvironment(
            SetupState state, FirstStart firstStart, @Value("${onegrid.admin.password:}") String password) {
        this.state = state;
        this.firstStart = firstStart;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!StringUtils.hasText(password) || state.adminExists()) {
            return;
        }
        if (!password.matches(CreateUser.PASSWORD)) {
            throw new IllegalStateException(
                    "ONEGRID_ADMIN_PASSWORD must have at least 10 characters with letters and digits");
        }
        try {
            firstStart.createAdmin("admin", password, "startup");
            log.info("Created the administrator 'admin' from ONEGRID_ADMIN_PASSWORD");
        } catch (FirstStart.AlreadySetUp | FirstStart.UsernameTaken e) {
            log.info("Not creating 'admin' from ONEGRID_ADMIN_PASSWORD: {}", e.getMessage());
        }
    }
}
