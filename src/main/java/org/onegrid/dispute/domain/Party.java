package org.onegrid.dispute.domain;

/**
 * One party 当事人: a person or an organisation, from the registry (by id) or entered new with its name and identity
 * (居民身份证号 or 统一社会信用代码).
 *
 * @param personId the registry person, or null
 * @param organisationId the registry organisation, or null
 * @param name the name as the agreement writes it
 * @param identity the ID number or credit code; kept encrypted, shown masked
 * @param phone a contact phone, may be null; kept encrypted, shown masked
 */
public record Party(
        Side side,
        boolean organisation,
        Long personId,
        Long organisationId,
        String name,
        String identity,
        String phone) {

    public boolean fromRegistry() {
        return personId != null || organisationId != null;
    }
}
