@issuing
Feature: Issuing codes (发券)
  Once order "D-1001" is paid, Douyin asks tihuo to issue the third-party codes (三方码) that Lin
  will show at the counter. tihuo either hands the codes over at once, answers "issuing" (发码中)
  and sends them later through the issue-code callback (发券回调) within 10 minutes, or fails.
  Whether codes are ready depends on the merchant's code supply: "working", "slow" or "refusing".

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand

  # D3: codes issued at once travel in tihuo's answer, with no callback afterwards.
  # D4: one code per certificate, that is one code per unit (份) bought.
  Rule: When the codes are ready at once, tihuo hands them over in its answer, one per unit

    Scenario Outline: Lin bought <units> units
      Given order "D-1001" for <units> units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "working"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "codes issued"
      And tihuo shows order "D-1001" as "issued"
      And tihuo shows <units> codes of order "D-1001" as "valid"
      And Douyin shows <units> codes of order "D-1001" as "unused"
      And Douyin has received no issue-code callback for order "D-1001"

      Examples: Units bought
        | units |
        | 1     |
        | 3     |

  # D3: "issuing" obliges tihuo to report the result through the issue-code callback within 10 minutes. tihuo's
  # codes do not depend on an outside supplier: for a product whose codes go by callback, tihuo answers "issuing"
  # and sends the codes a moment later, well inside the 10 minutes.
  Rule: When the codes are not ready at once, tihuo answers "issuing" and sends them through the callback within 10 minutes

    Scenario: The codes follow through the callback
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "slow"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "issuing"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has received the issue-code callback for order "D-1001" with 2 codes
      And Douyin shows 2 codes of order "D-1001" as "unused"
      And tihuo shows order "D-1001" as "issued"
      And tihuo shows 2 codes of order "D-1001" as "valid"

  # D3: tihuo answers "issue failed" for an order that can no longer get codes. tihuo never fails to issue a paid
  # order by itself (its codes come from its own generator, D5); what fails is an order Douyin cancelled meanwhile,
  # when a late re-delivery of the issue request crosses the cancel notice.
  Rule: When no code can be issued, tihuo says the issue failed and the goods stay on sale

    Scenario: The issue request arrives after the order was cancelled
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And Douyin tells tihuo that order "D-1001" was cancelled "after payment"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "issue failed"
      And tihuo shows order "D-1001" as "cancelled"
      And tihuo shows 0 codes of order "D-1001" as "valid"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

  # D7: when the 10-minute window has closed without Douyin receiving the callback, Douyin marks the issue failed
  # and starts a refund that does go through the merchant's refund audit (退款审核). tihuo rejects it and supplies
  # the codes it issued (补码). (D7's other branch, approving because no code can be issued, cannot happen: tihuo
  # always has the codes of an order it answered "issuing" for.)
  Rule: After 10 minutes without a callback Douyin starts a refund, which tihuo rejects by supplying the codes late

    Background:
      Given tihuo's issue-code callback cannot reach Douyin
      And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issuing"

    Scenario: Ten minutes pass without the callback reaching Douyin
      When 10 minutes pass
      Then Douyin has received no issue-code callback for order "D-1001"
      And tihuo shows order "D-1001" as "issued"
      And tihuo shows 2 codes of order "D-1001" as "valid"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"

    Scenario: Late code supply (补码)
      Given 10 minutes pass
      When Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "refund rejected with the codes"
      And tihuo shows order "D-1001" as "issued"
      And tihuo shows 2 codes of order "D-1001" as "valid"
      And tihuo shows after-sale "R-1" as "rejected"
      And Douyin shows after-sale "R-1" as "rejected"
      And Douyin shows 2 codes of order "D-1001" as "unused"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"
