package dev.tihuo.adapters.http.spi.usecase;

import dev.tihuo.adapters.http.spi.body.AuditReply;
import dev.tihuo.adapters.http.spi.body.CreateOrderReply;
import dev.tihuo.adapters.http.spi.body.IssueCodesReply;
import dev.tihuo.adapters.http.spi.body.IssuedCertificate;
import dev.tihuo.application.port.in.spi.AuditAnswer;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/**
 * The use cases' answers to the reply records (D1, D3, D6). Reply records hold strings, numbers and lists only, so
 * no domain type reaches the JSON. Empty code and certificate lists are left out of the reply (as the factories of
 * {@link IssueCodesReply} and {@link AuditReply} do): "issuing" is {@code {"result":0}}, not {@code "codes":[]}.
 */
@Mapper
public interface SpiReplyMapper {
    SpiReplyMapper INSTANCE = Mappers.getMapper(SpiReplyMapper.class);

    CreateOrderReply created(CreateOrder.Created created);

    @Mapping(target = "codes", source = "codes", qualifiedByName = "codesOrNull")
    @Mapping(target = "certificates", source = "certificates", qualifiedByName = "certificatesOrNull")
    IssueCodesReply issued(IssueCodes.Answer answer);

    @Mapping(target = "orderId", source = "orderId")
    @Mapping(target = "result", source = "answer.result")
    @Mapping(target = "reason", source = "answer.reason")
    @Mapping(target = "codes", source = "answer.codes", qualifiedByName = "codesOrNull")
    @Mapping(target = "certificates", source = "answer.certificates", qualifiedByName = "certificatesOrNull")
    AuditReply audit(AuditAnswer answer, String orderId);

    IssuedCertificate certificate(IssueCodes.CertificateCode certificate);

    @Named("codesOrNull")
    default List<String> codesOrNull(List<String> codes) {
        return codes == null || codes.isEmpty() ? null : List.copyOf(codes);
    }

    @Named("certificatesOrNull")
    default List<IssuedCertificate> certificatesOrNull(List<IssueCodes.CertificateCode> certificates) {
        return certificates == null || certificates.isEmpty() ? null : certificates.stream().map(this::certificate).toList();
    }
}
