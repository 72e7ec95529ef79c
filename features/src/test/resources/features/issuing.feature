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

  # D3: "issuing" obliges tihuo to report the result through the issue-code callback within 10 minutes.
  Rule: When the codes are not ready, tihuo answers "issuing" and sends them through the callback within 10 minutes

    Scenario: The codes are not ready yet
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "slow"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "issuing"
      And tihuo shows order "D-1001" as "issuing"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has received no issue-code callback for order "D-1001"
      And Douyin shows 0 codes of order "D-1001" as "unused"

    Scenario Outline: The codes follow <minutes> minutes later
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issuing"
      When <minutes> minutes pass
      And the merchant's code supply is "working"
      Then Douyin has received the issue-code callback for order "D-1001" with 2 codes
      And Douyin shows 2 codes of order "D-1001" as "unused"
      And tihuo shows order "D-1001" as "issued"
      And tihuo shows 2 codes of order "D-1001" as "valid"

      Examples: Minutes after the issue request
        | minutes |
        | 1       |
        | 9       |

  # D3, D12: a failed issue releases the goods set aside; Douyin refunds Lin without asking the merchant.
  Rule: When no code can be issued, the order fails and the goods go back on sale

    Scenario: tihuo cannot issue the codes at all
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "refusing"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "issue failed"
      And tihuo shows order "D-1001" as "issue failed"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin shows order "D-1001" as "issue failed"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Issuing ends in failure a few minutes later
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issuing"
      When 3 minutes pass
      And the merchant's code supply is "refusing"
      Then Douyin has received the issue-code callback for order "D-1001" saying the issue failed
      And Douyin shows order "D-1001" as "issue failed"
      And tihuo shows order "D-1001" as "issue failed"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Douyin refunds a failed order without asking the merchant
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issue failed"
      When Douyin tells tihuo that it refunded 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "received"
      And tihuo shows order "D-1001" as "refunded"
      And tihuo shows after-sale "R-1" as "refunded"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin shows after-sale "R-1" as "refunded"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

  # D7: when the 10-minute window has closed, Douyin starts a refund that does go through the
  # merchant's refund audit (退款审核). tihuo rejects it and supplies the codes (补码) if it can
  # issue them by then; otherwise it approves the refund.
  Rule: After 10 minutes without a callback Douyin starts a refund, which tihuo rejects by supplying the codes late

    Background:
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issuing"

    Scenario: Ten minutes pass without a callback
      When 10 minutes pass
      Then Douyin shows order "D-1001" as "issue failed"
      And Douyin has received no issue-code callback for order "D-1001"
      And tihuo shows order "D-1001" as "issue failed"

    Scenario Outline: Late code supply (补码) when the code supply is <code supply>
      Given 10 minutes pass
      And the merchant's code supply is "<code supply>"
      When Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "<answer>"
      And tihuo shows order "D-1001" as "<order>"
      And tihuo shows <codes> codes of order "D-1001" as "valid"
      And tihuo shows after-sale "R-1" as "<decision>"
      And Douyin shows after-sale "R-1" as "<decision>"
      And Douyin shows <codes> codes of order "D-1001" as "unused"

      Examples: Code supply when Douyin asks for the refund
        | code supply | answer                         | order        | codes | decision |
        | working     | refund rejected with the codes | issued       | 2     | rejected |
        | refusing    | refund approved                | issue failed | 0     | approved |
