@store-change
Feature: Changing the pickup store after purchase (门店变更)
  After paying, Lin may move the pickup of order "D-1001" from Jing'an to Xuhui on Douyin.
  Douyin tells tihuo. The goods set aside follow Lin when the new store has them; otherwise
  they stay where they are and the merchant is asked to sort it out.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And the store "Xuhui" has 4 units of "Oolong 500 ml" on hand
    And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"

  # D13: the goods set aside move to the new store if it has them.
  Rule: The goods move with the buyer when the new store has them

    Scenario: Lin moves the pickup to Xuhui
      When Douyin tells tihuo that the buyer moved the pickup of order "D-1001" to "Xuhui"
      Then tihuo answers "received"
      And tihuo shows order "D-1001" for pickup at "Xuhui"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 2 available at "Xuhui"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"
      And Douyin sees 2 units of "Oolong 500 ml" available at "Xuhui"

    Scenario Outline: After the move the clerk at <store> tries to hand out the tea
      Given Douyin tells tihuo that the buyer moved the pickup of order "D-1001" to "Xuhui"
      When the clerk at "<store>" redeems 1 code of order "D-1001"
      Then tihuo answers "<answer>"
      And Douyin has recorded <redemptions> redemptions of order "D-1001" at "<store>"

      Examples: Stores the code is shown at
        | store   | answer                        | redemptions |
        | Xuhui   | redeemed                      | 1           |
        | Jing'an | code belongs to another store | 0           |

    Scenario: Douyin delivers the store change twice
      When Douyin tells tihuo that the buyer moved the pickup of order "D-1001" to "Xuhui"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo shows order "D-1001" for pickup at "Xuhui"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 2 available at "Xuhui"
      And Douyin sees 2 units of "Oolong 500 ml" available at "Xuhui"

  # D13: without stock at the new store the goods stay set aside at the old one, and the order is
  # flagged for the merchant.
  Rule: Without stock at the new store the goods stay put and the merchant is told

    Scenario: Xuhui has only one bottle left
      Given the store "Xuhui" has 1 unit of "Oolong 500 ml" on hand
      When Douyin tells tihuo that the buyer moved the pickup of order "D-1001" to "Xuhui"
      Then tihuo answers "received"
      And tihuo shows order "D-1001" for pickup at "Jing'an"
      And tihuo flags order "D-1001" for the merchant
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And tihuo counts 1 unit of "Oolong 500 ml" on hand and 1 available at "Xuhui"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"
      And Douyin sees 1 unit of "Oolong 500 ml" available at "Xuhui"
