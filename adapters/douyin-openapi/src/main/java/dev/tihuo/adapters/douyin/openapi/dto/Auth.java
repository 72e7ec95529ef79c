package dev.tihuo.adapters.douyin.openapi.dto;

/** O9 {@code POST /oauth/client_token/} (openapi.md §3). */
public final class Auth {
    private Auth() {}

    public record ClientTokenRequest(String clientKey, String clientSecret, String grantType) {
        public static ClientTokenRequest of(String clientKey, String clientSecret) {
            return new ClientTokenRequest(clientKey, clientSecret, "client_credential");
        }
        @Override
        public String toString() { return "ClientTokenRequest[clientKey=" + clientKey + ", clientSecret=***]"; }
    }

    public record ClientTokenData(String accessToken, long expiresIn) {
        @Override
        public String toString() { return "ClientTokenData[accessToken=" + mask(accessToken) + ", expiresIn=" + expiresIn + "]"; }
    }

    static String mask(String token) {
        return token == null || token.length() < 8 ? "***" : token.substring(0, 6) + "***";
    }
}
