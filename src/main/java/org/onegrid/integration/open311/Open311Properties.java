package org.onegrid.integration.open311;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the Open311 service discovery document says about this city's endpoint.
 *
 * @param baseUrl the public address of the application (e.g. {@code https://wg.dongying.gov.cn}); empty: the address
 *     the discovery request came in on
 * @param contact how client developers reach the city
 * @param keyService how a client system obtains an API key
 * @param type {@code production}, {@code test} or {@code dev}
 * @param changeset when the endpoint's description last changed (W3C date-time)
 */
@ConfigurationProperties("onegrid.open311")
record Open311Properties(String baseUrl, String contact, String keyService, String type, String changeset) {

    Open311Properties {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        contact = contact == null || contact.isBlank() ? "请联系本市市域社会治理指挥中心（综治中心）" : contact.strip();
        keyService = keyService == null || keyService.isBlank()
                ? "API 密钥由平台管理员为每个接入系统单独签发（POST /api/v1/open311/clients）"
                : keyService.strip();
        type = type == null || type.isBlank() ? "production" : type.strip();
        changeset = changeset == null || changeset.isBlank() ? "2026-11-23T00:00:00+08:00" : changeset.strip();
    }
}
