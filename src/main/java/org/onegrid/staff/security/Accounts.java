package org.onegrid.staff.security;

import java.util.Set;
import org.onegrid.staff.Role;
import org.onegrid.staff.UserCreated;
import org.onegrid.staff.persistence.UserRows;
import org.onegrid.staff.persistence.UserRows.NewUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates accounts, with no permission checks: callers (the admin API behind its checks, first-start setup,
 * the demo seed) decide who may. Hashes the password and encrypts the phone.
 */
@Service
public class Accounts {

    private final UserRows users;
    private final PasswordEncoder passwords;
    private final DataCipher cipher;
    private final ApplicationEventPublisher events;

    Accounts(UserRows users, PasswordEncoder passwords, DataCipher cipher, ApplicationEventPublisher events) {
        this.users = users;
        this.passwords = passwords;
        this.cipher = cipher;
        this.events = events;
    }

    /** @return the new user's id */
    @Transactional
    public long create(
            String username, String displayName, String rawPassword, long orgId, Set<Role> roles, String phone) {
        long id = users.nextIds(1).get(0);
        users.insert(java.util.List.of(new NewUser(
                id,
                username,
                displayName,
                orgId,
                passwords.encode(rawPassword),
                phone == null ? null : cipher.encrypt(phone, Phones.CONTEXT),
                roles)));
        events.publishEvent(new UserCreated(id, username, orgId, roles));
        return id;
    }

    /** The masked phone number of a stored ciphertext. */
    public String maskedPhone(byte[] phoneCipher) {
        return Phones.mask(cipher.decrypt(phoneCipher, Phones.CONTEXT));
    }
}
