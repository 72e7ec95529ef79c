package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.in.spi.AuditAnswer;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.out.IdempotencyRecords;
import dev.tihuo.application.port.out.IdempotencyRecords.Stored;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link IdempotencyRecords}: the first answer to a key is kept exactly (the SPI answers are records of
 * strings, numbers and lists), keys are scoped by merchant and operation, and the first writer wins, also when many
 * write at once.
 */
public abstract class IdempotencyRecordsContract extends PortContract {
    private static final String MERCHANT = "7000000000000000001";

    protected IdempotencyRecords records() {
        return ports.idempotencyRecords();
    }

    @Test
    void a_remembered_answer_comes_back_exactly_with_its_fingerprint() {
        IssueCodes.Answer issued = new IssueCodes.Answer(IssueCodes.Answer.ISSUED, List.of("ABCDEFGHJKMN2", "ZXCVBNMQWRT34"),
                List.of(new IssueCodes.CertificateCode("7300000000000000001", "ABCDEFGHJKMN2")), null);
        AuditAnswer rejected = new AuditAnswer(2, "code supplied late (补码)", List.of("ABCDEFGHJKMN2"),
                List.of(new IssueCodes.CertificateCode("7300000000000000001", "ABCDEFGHJKMN2")));
        AuditAnswer approved = new AuditAnswer(1, null, List.of(), List.of());
        records().save(MERCHANT, "create-order", "1090000000000000001", "f1", new CreateOrder.Created("M000001"), T0);
        records().save(MERCHANT, "issue-codes", "1090000000000000001", "f2", issued, T0);
        records().save(MERCHANT, "refund-apply", "7310000000000000001", "f3", rejected, T0);
        records().save(MERCHANT, "refund-apply", "7310000000000000002", "f4", approved, T0);

        assertThat(records().find(MERCHANT, "create-order", "1090000000000000001", CreateOrder.Created.class))
                .contains(new Stored<>("f1", new CreateOrder.Created("M000001")));
        assertThat(records().find(MERCHANT, "issue-codes", "1090000000000000001", IssueCodes.Answer.class))
                .contains(new Stored<>("f2", issued));
        assertThat(records().find(MERCHANT, "refund-apply", "7310000000000000001", AuditAnswer.class))
                .contains(new Stored<>("f3", rejected));
        assertThat(records().find(MERCHANT, "refund-apply", "7310000000000000002", AuditAnswer.class))
                .contains(new Stored<>("f4", approved));
    }

    @Test
    void an_unknown_key_has_no_answer_and_keys_are_scoped_by_merchant_and_operation() {
        records().save(MERCHANT, "create-order", "1090000000000000002", "f", new CreateOrder.Created("M000002"), T0);

        assertThat(records().find(MERCHANT, "create-order", "1090000000000000003", CreateOrder.Created.class)).isEmpty();
        assertThat(records().find(MERCHANT, "issue-codes", "1090000000000000002", IssueCodes.Answer.class)).isEmpty();
        assertThat(records().find("7000000000000000002", "create-order", "1090000000000000002", CreateOrder.Created.class))
                .isEmpty();
        records().save("7000000000000000002", "create-order", "1090000000000000002", "g", new CreateOrder.Created("M9"), T0);
        assertThat(records().find(MERCHANT, "create-order", "1090000000000000002", CreateOrder.Created.class))
                .map(Stored::answer).contains(new CreateOrder.Created("M000002"));
    }

    @Test
    void the_first_answer_wins_and_a_second_is_refused_as_a_duplicate() {
        records().save(MERCHANT, "create-order", "1090000000000000004", "first", new CreateOrder.Created("M1"), T0);

        assertThatThrownBy(() -> records().save(MERCHANT, "create-order", "1090000000000000004", "second",
                new CreateOrder.Created("M2"), T0))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThat(records().find(MERCHANT, "create-order", "1090000000000000004", CreateOrder.Created.class))
                .contains(new Stored<>("first", new CreateOrder.Created("M1")));
    }

    @Test
    void of_sixteen_concurrent_writers_of_one_key_exactly_one_wins_and_its_answer_is_kept() {
        List<Object> results = concurrently(16, i -> {
            records().save(MERCHANT, "create-order", "1090000000000000005", "f" + i, new CreateOrder.Created("M" + i), T0);
            return i;
        });

        List<Object> winners = results.stream().filter(Integer.class::isInstance).toList();
        assertThat(winners).hasSize(1);
        assertThat(results).filteredOn(DomainException.class::isInstance).hasSize(15)
                .allSatisfy(e -> assertThat(((DomainException) e).reason()).isEqualTo(Reason.DUPLICATE));
        int winner = (Integer) winners.get(0);
        assertThat(records().find(MERCHANT, "create-order", "1090000000000000005", CreateOrder.Created.class))
                .contains(new Stored<>("f" + winner, new CreateOrder.Created("M" + winner)));
    }

    @Test
    void an_answer_saved_in_a_failed_unit_of_work_is_forgotten() {
        assertThatThrownBy(() -> inTransaction(() -> {
            records().save(MERCHANT, "create-order", "1090000000000000006", "f", new CreateOrder.Created("M6"), T0);
            throw new IllegalStateException("the use case failed after answering");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(records().find(MERCHANT, "create-order", "1090000000000000006", CreateOrder.Created.class)).isEmpty();
    }
}
