@counter
Feature: Picking up at the counter (验券 / 核销)
  Lin shows the codes of order "D-1001" at the store chosen on Douyin. The clerk of that store
  redeems them through tihuo, which tells Douyin. A clerk of another store cannot hand out the
  goods. A redemption made by mistake can be cancelled (撤销核销) within one hour. Orders with a
  Douyin code (抖音码) are redeemed through Douyin's verify prepare (验券准备) and verify, and their
  redemption is cancelled through tihuo too.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And the store "Xuhui" has 4 units of "Oolong 500 ml" on hand
    And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"

  # D15: tihuo redeems its own code first (once, for good), then reports it to Douyin.
  # D12: a redemption hands over the goods that were set aside: on hand drops, available stays.
  Rule: The clerk of the chosen store redeems tihuo's codes

    Scenario Outline: Lin collects <codes> of 2 units at Jing'an
      When the clerk at "Jing'an" redeems <codes> codes of order "D-1001"
      Then tihuo answers "redeemed"
      And tihuo shows order "D-1001" as "<order>"
      And tihuo shows <codes> codes of order "D-1001" as "redeemed"
      And tihuo counts <on hand> units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has recorded <codes> redemptions of order "D-1001" at "Jing'an"
      And Douyin shows <codes> codes of order "D-1001" as "redeemed"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

      Examples: Codes shown at the counter
        | codes | order            | on hand |
        | 1     | partly picked up | 4       |
        | 2     | picked up        | 3       |

  Rule: A clerk of another store cannot redeem the code

    Scenario: Lin shows the code at Xuhui instead of Jing'an
      When the clerk at "Xuhui" redeems 1 code of order "D-1001"
      Then tihuo answers "code belongs to another store"
      And tihuo shows 2 codes of order "D-1001" as "valid"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 4 available at "Xuhui"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has recorded 0 redemptions of order "D-1001" at "Xuhui"
      And Douyin shows 2 codes of order "D-1001" as "unused"

  # D5: every code carries a check character, so a typing mistake is caught before any lookup.
  Rule: A mistyped code is refused as mistyped, before tihuo looks it up

    Scenario: The clerk types one character wrong
      When the clerk at "Jing'an" types a code of order "D-1001" with one character wrong
      Then tihuo answers "code mistyped"
      And tihuo shows 2 codes of order "D-1001" as "valid"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has recorded 0 redemptions of order "D-1001" at "Jing'an"

  # D15: a code is redeemed once, atomically.
  Rule: A code is redeemed only once

    Scenario: Lin shows a code that was already redeemed
      Given the clerk at "Jing'an" redeems 2 codes of order "D-1001"
      When the clerk at "Jing'an" redeems 1 code of order "D-1001"
      Then tihuo answers "code already redeemed"
      And tihuo shows 2 codes of order "D-1001" as "redeemed"
      And tihuo counts 3 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has recorded 2 redemptions of order "D-1001" at "Jing'an"

  # D15: cancelling a redemption is allowed within 1 hour and reported to Douyin (撤销核销).
  # D12 does not say what a cancelled redemption does to stock; tihuo undoes the redemption's
  # effect: the goods count as on hand again and stay set aside for Lin.
  Rule: A redemption can be cancelled within one hour, not later

    Scenario Outline: The clerk cancels a redemption <minutes> minutes after it
      Given the clerk at "Jing'an" redeems 1 code of order "D-1001"
      And <minutes> minutes pass
      When the clerk at "Jing'an" cancels the redemption of order "D-1001"
      Then tihuo answers "<answer>"
      And tihuo shows <valid> codes of order "D-1001" as "valid"
      And tihuo counts <on hand> units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has recorded <cancelled> cancelled redemptions of order "D-1001"
      And Douyin shows <valid> codes of order "D-1001" as "unused"

      Examples: Time since the redemption
        | minutes | answer               | valid | on hand | cancelled |
        | 5       | redemption cancelled | 2     | 5       | 1         |
        | 59      | redemption cancelled | 2     | 5       | 1         |
        | 61      | too late to cancel   | 1     | 4       | 0         |

  # D18: a Douyin code has no order created at tihuo; redeeming it takes the goods straight from
  # the store's stock on hand. Verify prepare and verify pair one to one.
  # D15, D18: the clerk cancels a Douyin code's redemption through tihuo within one hour; Douyin undoes
  # that verification and tihuo puts the unit back on the shelf (on hand and available again). tihuo keeps
  # no record of a Douyin code's redemption, so after one hour it is Douyin that refuses the cancel (its
  # error codes are not published, openapi.md §10: tihuo passes the refusal on as Douyin's).
  Rule: A Douyin code is redeemed through Douyin's verify prepare and verify, and can be cancelled within one hour

    Background:
      Given order "D-2001" for 1 unit of "Oolong 500 ml" at "Jing'an" is "paid with a Douyin code"

    Scenario Outline: The clerk redeems a Douyin code by <how>
      When the clerk at "Jing'an" redeems the Douyin code of order "D-2001" by "<how>"
      Then tihuo answers "redeemed"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 2 available at "Jing'an"
      And Douyin has recorded 1 verify prepare for order "D-2001"
      And Douyin has recorded 1 redemption of order "D-2001" at "Jing'an"
      And Douyin shows 1 code of order "D-2001" as "redeemed"
      And Douyin sees 2 units of "Oolong 500 ml" available at "Jing'an"

      Examples: How the clerk enters the code
        | how                          |
        | scanning the buyer's QR code |
        | typing the 12-digit code     |

    Scenario Outline: The clerk cancels the redemption of a Douyin code <minutes> minutes after it
      Given the clerk at "Jing'an" redeems the Douyin code of order "D-2001" by "typing the 12-digit code"
      And <minutes> minutes pass
      When the clerk at "Jing'an" cancels the redemption of order "D-2001"
      Then tihuo answers "<answer>"
      And tihuo counts <on hand> units of "Oolong 500 ml" on hand and <available> available at "Jing'an"
      And Douyin has recorded 1 redemption of order "D-2001" at "Jing'an"
      And Douyin has recorded <cancelled> cancelled redemptions of order "D-2001"
      And Douyin shows 1 code of order "D-2001" as "<Douyin's code>"
      And Douyin sees <available> units of "Oolong 500 ml" available at "Jing'an"

      Examples: Time since the redemption
        | minutes | answer               | on hand | available | cancelled | Douyin's code |
        | 5       | redemption cancelled | 5       | 3         | 1         | unused        |
        | 59      | redemption cancelled | 5       | 3         | 1         | unused        |
        | 61      | refused by Douyin    | 4       | 2         | 0         | redeemed      |
