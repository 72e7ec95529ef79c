@refunds
Feature: Refunds (退款审核 and refund result)
  Lin asks Douyin for money back on order "D-1001". Douyin opens an after-sale (售后单) and asks
  tihuo to audit it (退款审核). tihuo approves, rejects, or leaves it pending for a person at
  the merchant. When the money has gone back, Douyin tells tihuo, and the goods set aside go
  back on sale. Refunds work per unit (份): a part of the order can be refunded.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"

  # D6, D7: by default, units whose code was not redeemed are approved at once, in tihuo's answer.
  Rule: Units not picked up are refunded without asking the merchant

    Scenario Outline: Lin asks for <units> of 2 units back
      When Douyin asks tihuo to audit a refund of <units> units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "refund approved"
      And tihuo shows after-sale "R-1" as "approved"
      And tihuo shows <units> codes of order "D-1001" as "refunding"
      And tihuo shows <kept> codes of order "D-1001" as "valid"
      And Douyin shows after-sale "R-1" as "approved"

      Examples: Full and partial refund requests
        | units | kept |
        | 1     | 1    |
        | 2     | 0    |

    Scenario: Douyin delivers the refund request twice
      When Douyin asks tihuo to audit a refund of 1 unit of order "D-1001" as after-sale "R-1"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo shows 1 code of order "D-1001" as "refunding"
      And Douyin shows after-sale "R-1" as "approved"

  # D7: a redeemed code means the goods were handed over; refunds of picked-up units are rejected.
  Rule: Units already picked up are not refunded

    Scenario: Lin asks for money back after collecting the tea
      Given the clerk at "Jing'an" redeems 2 codes of order "D-1001"
      When Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "refund rejected"
      And tihuo shows after-sale "R-1" as "rejected"
      And tihuo shows 2 codes of order "D-1001" as "redeemed"
      And tihuo counts 3 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows after-sale "R-1" as "rejected"

  # D7, D8: a merchant may switch to review by hand: tihuo answers "pending", a person decides
  # later through tihuo, and tihuo then sends the decision to Douyin (退款审核回调).
  Rule: When the merchant reviews after-sales by hand, a person decides

    Background:
      Given the merchant reviews after-sales by hand

    Scenario: The refund waits for a person
      When Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "refund pending"
      And tihuo shows after-sale "R-1" as "pending"
      And tihuo shows 2 codes of order "D-1001" as "refunding"
      And Douyin shows after-sale "R-1" as "awaiting the merchant"

    Scenario Outline: A person at the merchant decides "<decision>"
      Given Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      When the merchant settles after-sale "R-1" as "<decision>"
      Then tihuo shows after-sale "R-1" as "<decision>"
      And tihuo shows 2 codes of order "D-1001" as "<codes>"
      And Douyin shows after-sale "R-1" as "<decision>"

      Examples: The merchant's decisions
        | decision | codes     |
        | approved | refunding |
        | rejected | valid     |

  # D12: the refund result notice is the sign that money went back; it releases the goods set aside.
  Rule: The refund result notice closes the refund and puts the goods back on sale

    Scenario Outline: Douyin has refunded <units> of 2 units
      Given Douyin asks tihuo to audit a refund of <units> units of order "D-1001" as after-sale "R-1"
      When Douyin tells tihuo that it refunded <units> units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "received"
      And tihuo shows order "D-1001" as "<order>"
      And tihuo shows after-sale "R-1" as "refunded"
      And tihuo shows <units> codes of order "D-1001" as "refunded"
      And tihuo shows <kept> codes of order "D-1001" as "valid"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and <available> available at "Jing'an"
      And Douyin shows after-sale "R-1" as "refunded"
      And Douyin sees <available> units of "Oolong 500 ml" available at "Jing'an"

      Examples: Full and partial refunds
        | units | order           | kept | available |
        | 1     | partly refunded | 1    | 4         |
        | 2     | refunded        | 0    | 5         |

    Scenario: Douyin delivers the refund result notice twice while another order holds goods
      Given order "D-1002" for 1 unit of "Oolong 500 ml" at "Jing'an" is "issued"
      And Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      When Douyin tells tihuo that it refunded 2 units of order "D-1001" as after-sale "R-1"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"

  # Customer-service (客服) refunds skip the audit; only the refund result notice arrives.
  Rule: A refund by Douyin's customer service needs no audit and still puts the goods back on sale

    Scenario: Customer service refunds one unit
      When Douyin tells tihuo that it refunded 1 unit of order "D-1001" as after-sale "R-9"
      Then tihuo answers "received"
      And tihuo shows after-sale "R-9" as "refunded"
      And tihuo shows order "D-1001" as "partly refunded"
      And tihuo shows 1 code of order "D-1001" as "refunded"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin shows after-sale "R-9" as "refunded"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"
