package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Ciphertexts are produced here with javax.crypto and keys derived by hand from spi.md §4. */
class FieldDecryptorTest {

    private static String encrypt(String key32, String plaintext) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key32.getBytes(StandardCharsets.US_ASCII), "AES"),
                new IvParameterSpec(key32.substring(16).getBytes(StandardCharsets.US_ASCII)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_32_character_secret_is_the_key_and_its_right_half_the_iv() throws Exception {
        String secret = "0123456789abcdef0123456789ABCDEF";
        String phone = encrypt(secret, "13800138000");

        assertThat(new FieldDecryptor(secret).decrypt(phone)).contains("13800138000");
    }

    @Test
    void a_short_secret_is_padded_with_hashes_alternately_left_then_right() throws Exception {
        // 29 characters missing: 15 on the left, 14 on the right
        String byHand = "###############abc##############";
        assertThat(byHand).hasSize(32);

        assertThat(new FieldDecryptor("abc").decrypt(encrypt(byHand, "张三"))).contains("张三");
        assertThat(FieldDecryptor.normaliseKey("abc")).isEqualTo(byHand);
    }

    @Test
    void a_long_secret_is_trimmed_alternately_left_then_right() throws Exception {
        String secret = "LLabcdefghijklmnopqrstuvwxyz012345R"; // 35 characters: 2 off the left, 1 off the right
        String byHand = "abcdefghijklmnopqrstuvwxyz012345";

        assertThat(new FieldDecryptor(secret).decrypt(encrypt(byHand, "x"))).contains("x");
    }

    @Test
    void a_field_that_cannot_be_decrypted_is_kept_as_received() throws Exception {
        FieldDecryptor decryptor = new FieldDecryptor("0123456789abcdef0123456789abcdef");
        String otherKeys = encrypt("ffffffffffffffffffffffffffffffff", "13800138000");

        for (String value : new String[] {"CjcCD96ugJqF9rARBFKNaw==", "not base64!", "", "QUJD", otherKeys}) {
            assertThat(decryptor.decryptOrKeep(value)).isEqualTo(value);
        }
        assertThat(decryptor.decrypt(null)).isEmpty();
        assertThat(decryptor.decryptOrKeep(null)).isNull();
    }

    @Test
    void the_decryptor_never_shows_its_key() {
        assertThat(new FieldDecryptor("0123456789abcdef0123456789abcdef").toString()).doesNotContain("0123");
        assertThat(SpiApp.of("k", "0123456789abcdef").toString()).doesNotContain("0123");
    }
}
