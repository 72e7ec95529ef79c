package dev.tihuo.adapters.http.spi;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the personal fields Douyin encrypts in SPI bodies (spi.md §4): AES-256-CBC, PKCS5 padding,
 * key = {@code client_secret} normalised to 32 characters, IV = the right-hand 16 characters of that key,
 * ciphertext Base64.
 *
 * <p>Normalisation: a short secret is padded with {@code #} alternately on the left and the right (left first,
 * so the left gets the odd one); a long secret is trimmed alternately from the left and the right (left first).
 * The "left first" order follows a public implementation of Douyin's rule [3P]; secrets are normally 32
 * characters and untouched.
 *
 * <p>Never throws on bad input and never logs a value: a field that cannot be decrypted is reported as absent
 * by {@link #decrypt} and kept as received by {@link #decryptOrKeep}.
 */
public final class FieldDecryptor {
    private static final int KEY_LENGTH = 32;
    private static final int IV_OFFSET = 16;

    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    public FieldDecryptor(String clientSecret) {
        String normalised = normaliseKey(clientSecret);
        this.key = new SecretKeySpec(normalised.getBytes(StandardCharsets.UTF_8), "AES");
        this.iv = new IvParameterSpec(normalised.substring(IV_OFFSET).getBytes(StandardCharsets.UTF_8));
    }

    static String normaliseKey(String secret) {
        StringBuilder key = new StringBuilder(secret);
        boolean left = true;
        while (key.length() < KEY_LENGTH) {
            if (left) {
                key.insert(0, '#');
            } else {
                key.append('#');
            }
            left = !left;
        }
        while (key.length() > KEY_LENGTH) {
            if (left) {
                key.deleteCharAt(0);
            } else {
                key.deleteCharAt(key.length() - 1);
            }
            left = !left;
        }
        if (key.toString().getBytes(StandardCharsets.UTF_8).length != KEY_LENGTH) {
            throw new IllegalArgumentException("client_secret must be ASCII to derive an AES-256 key");
        }
        return key.toString();
    }

    /** The plaintext, or empty when the value is absent or cannot be decrypted. */
    public Optional<String> decrypt(String base64Ciphertext) {
        if (base64Ciphertext == null || base64Ciphertext.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] cipherBytes = Base64.getDecoder().decode(base64Ciphertext.trim());
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            byte[] plain = cipher.doFinal(cipherBytes);
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(plain)).toString());
        } catch (IllegalArgumentException | GeneralSecurityException | CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The plaintext, or the value exactly as received when it cannot be decrypted. */
    public String decryptOrKeep(String value) {
        return decrypt(value).orElse(value);
    }

    @Override
    public String toString() {
        return "FieldDecryptor[key=***]";
    }
}
