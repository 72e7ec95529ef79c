package dev.tihuo.domain.voucher;

import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pickup codes (D5): random, unique, without look-alikes, and one check symbol that catches every single typo. */
class PickupCodeTest {
    private static final String ALPHABET = PickupCode.ALPHABET;
    /** Characters a clerk may type that are never part of a code: look-alikes, other scripts, punctuation. */
    private static final char[] FOREIGN = {'0', 'O', '1', 'I', 'L', 'o', 'i', 'l', '|', '.', ',', ';', ':', '_', '/',
            '\\', '*', '#', '+', '!', '?', '\'', '"', '\t', '\u0410' /* Cyrillic A */, '\u039f' /* Greek O */,
            '\uff21' /* full-width A */, '\u00d8', '\u0131' /* dotless i */, '\u4e00'};

    private static List<PickupCode> sample(int n, long seed) {
        Random random = new Random(seed);
        List<PickupCode> codes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            codes.add(PickupCode.generate(random));
        }
        return codes;
    }

    private static long body(PickupCode code) {
        long value = 0;
        for (int i = 0; i < PickupCode.RANDOM_LENGTH; i++) {
            value = value * ALPHABET.length() + ALPHABET.indexOf(code.value().charAt(i));
        }
        return value;
    }

    @Test
    void the_alphabet_has_no_look_alikes_and_twelve_symbols_carry_at_least_56_bits() {
        assertThat(ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        assertThat(ALPHABET.chars().distinct().count()).isEqualTo(ALPHABET.length());
        assertThat(PickupCode.RANDOM_LENGTH * Math.log(ALPHABET.length()) / Math.log(2)).isGreaterThanOrEqualTo(56);
        assertThat(PickupCode.LENGTH).isEqualTo(PickupCode.RANDOM_LENGTH + 1);
    }

    @Test
    void a_million_generated_codes_are_unique_and_all_parse_back_to_themselves() {
        Random random = new Random(1_000_000L);
        long[] bodies = new long[1_000_000];
        for (int i = 0; i < bodies.length; i++) {
            PickupCode code = PickupCode.generate(random);
            if (!PickupCode.parse(code.value()).equals(code)) {
                throw new AssertionError(code + " does not parse back to itself");
            }
            bodies[i] = body(code);
        }
        Arrays.sort(bodies);
        for (int i = 1; i < bodies.length; i++) {
            if (bodies[i] == bodies[i - 1]) {
                throw new AssertionError("two of a million codes are equal");
            }
        }
    }

    @Test
    void generation_through_a_seeded_random_is_deterministic() {
        assertThat(sample(1000, 42)).isEqualTo(sample(1000, 42));
        assertThat(sample(1000, 42)).isNotEqualTo(sample(1000, 43));
    }

    @Test
    void generated_codes_have_thirteen_symbols_of_the_alphabet() {
        assertThat(sample(1000, 7)).allSatisfy(code -> {
            assertThat(code.value()).hasSize(PickupCode.LENGTH);
            assertThat(code.value().chars()).allMatch(c -> ALPHABET.indexOf(c) >= 0);
        });
    }

    @Test
    void every_single_symbol_typo_fails_the_check() {
        for (PickupCode code : sample(300, 11)) {
            for (int position = 0; position < PickupCode.LENGTH; position++) {
                for (char symbol : ALPHABET.toCharArray()) {
                    if (symbol == code.value().charAt(position)) {
                        continue;
                    }
                    expectReason(Reason.CODE_CHECK_FAILED, replace(code.value(), position, symbol));
                }
            }
        }
    }

    @Test
    void every_foreign_character_in_any_position_is_malformed() {
        for (PickupCode code : sample(50, 12)) {
            for (int position = 0; position < PickupCode.LENGTH; position++) {
                for (char foreign : FOREIGN) {
                    expectReason(Reason.CODE_MALFORMED, replace(code.value(), position, foreign));
                }
            }
        }
    }

    @Test
    void a_separator_typed_in_place_of_a_symbol_leaves_the_code_too_short() {
        PickupCode code = sample(1, 13).get(0);

        assertRefused(Reason.CODE_MALFORMED, () -> PickupCode.parse(replace(code.value(), 4, '-')));
        assertRefused(Reason.CODE_MALFORMED, () -> PickupCode.parse(replace(code.value(), 4, ' ')));
    }

    @Test
    void swapping_two_neighbouring_symbols_of_the_random_part_fails_the_check() {
        for (PickupCode code : sample(300, 14)) {
            String value = code.value();
            for (int i = 0; i + 1 < PickupCode.RANDOM_LENGTH; i++) {
                if (value.charAt(i) == value.charAt(i + 1)) {
                    continue;
                }
                expectReason(Reason.CODE_CHECK_FAILED, value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "23456789ABCD", "23456789ABCDEF", "23456789ABCDEFGHJK", "   ", "----"})
    void a_code_of_the_wrong_length_is_malformed(String typed) {
        assertRefused(Reason.CODE_MALFORMED, () -> PickupCode.parse(typed));
    }

    @Test
    void a_missing_code_is_malformed() {
        assertRefused(Reason.CODE_MALFORMED, () -> PickupCode.parse(null));
    }

    @Test
    void a_code_one_symbol_short_or_long_is_malformed_not_a_check_failure() {
        String value = sample(1, 15).get(0).value();

        assertRefused(Reason.CODE_MALFORMED, () -> PickupCode.parse(value.substring(1)));
        assertRefused(Reason.CODE_MALFORMED, () -> PickupCode.parse(value + "2"));
    }

    @Test
    void the_reason_message_says_what_is_wrong() {
        String value = sample(1, 16).get(0).value();

        assertRefusedWithMessage(() -> PickupCode.parse(value.substring(1)), "13 characters");
        assertRefusedWithMessage(() -> PickupCode.parse(replace(value, 2, '0')), "character 3");
        assertRefusedWithMessage(() -> PickupCode.parse(replace(value, 2, value.charAt(2) == '2' ? '3' : '2')), "mistyped");
    }

    @Test
    void a_code_typed_in_lower_case_with_spaces_or_hyphens_reads_as_the_same_code() {
        for (PickupCode code : sample(200, 17)) {
            assertThat(PickupCode.parse(code.value().toLowerCase())).isEqualTo(code);
            assertThat(PickupCode.parse(code.grouped())).isEqualTo(code);
            assertThat(PickupCode.parse(" " + code.grouped().replace('-', ' ') + " ")).isEqualTo(code);
        }
    }

    @Test
    void a_code_is_printed_in_groups_of_four() {
        PickupCode code = sample(1, 18).get(0);
        String v = code.value();

        assertThat(code.grouped()).isEqualTo(v.substring(0, 4) + "-" + v.substring(4, 8) + "-" + v.substring(8, 12) + "-" + v.substring(12));
        assertThat(code.toString()).isEqualTo(v);
    }

    @Test
    void only_texts_of_our_length_look_like_our_codes() {
        PickupCode code = sample(1, 19).get(0);

        assertThat(PickupCode.looksLikeOurs(code.grouped())).isTrue();
        assertThat(PickupCode.looksLikeOurs("123456789012")).as("a 12-digit Douyin code").isFalse();
        assertThat(PickupCode.looksLikeOurs(null)).isFalse();
        assertThat(PickupCode.looksLikeOurs("https://v.douyin.com/abc/")).as("a scanned QR link").isFalse();
        assertThat(PickupCode.looksLikeOurs("7KQ4M2X")).as("a short, mistyped code of ours").isTrue();
    }

    @Test
    void a_stored_code_is_checked_like_a_typed_one() {
        String value = sample(1, 20).get(0).value();
        String badCheck = replace(value, 12, value.charAt(12) == '2' ? '3' : '2');

        assertThat(new PickupCode(value).value()).isEqualTo(value);
        assertRefused(Reason.CODE_MALFORMED, () -> new PickupCode(value.toLowerCase()));
        assertRefused(Reason.CODE_MALFORMED, () -> new PickupCode(value.substring(1)));
        assertRefused(Reason.CODE_CHECK_FAILED, () -> new PickupCode(badCheck));
    }

    private static void assertRefusedWithMessage(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String text) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).hasMessageContaining(text);
    }

    /** A plain check for the loops over many thousand typos (AssertJ per typo would make them slow). */
    private static void expectReason(Reason expected, String typed) {
        try {
            PickupCode.parse(typed);
        } catch (DomainException e) {
            if (e.reason() != expected) {
                throw new AssertionError("'" + typed + "' was refused with " + e.reason() + ", expected " + expected);
            }
            return;
        }
        throw new AssertionError("'" + typed + "' was accepted, expected " + expected);
    }

    private static String replace(String value, int position, char symbol) {
        return value.substring(0, position) + symbol + value.substring(position + 1);
    }
}
