@cancel @stock
Feature: Cancelling an order (取消订单)
  Lin may abandon an order before paying, or Douyin may cancel it after payment. Douyin then
  tells tihuo, and the goods set aside at the chosen store go back on sale.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand

  # D12: a cancel releases the goods set aside when the order was created.
  Rule: A cancelled order gives its goods back to the store

    Scenario Outline: Douyin cancels an order <moment>
      Given Douyin creates orders "<mode>"
      And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "<state>"
      When Douyin tells tihuo that order "D-1001" was cancelled "<moment>"
      Then tihuo answers "received"
      And tihuo shows order "D-1001" as "cancelled"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

      Examples: Moments of cancellation
        | mode           | state            | moment         |
        | before payment | awaiting payment | before payment |
        | before payment | paid             | after payment  |
        | after payment  | paid             | after payment  |

  Rule: A repeated cancel notice gives the goods back only once

    Scenario: Douyin delivers the cancel notice twice while another order holds goods
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And order "D-1002" for 1 unit of "Oolong 500 ml" at "Jing'an" is "issued"
      When Douyin tells tihuo that order "D-1001" was cancelled "after payment"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo shows order "D-1001" as "cancelled"
      And tihuo shows order "D-1002" as "issued"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"

  # D16: a cancel is a notice; tihuo never answers it with a business error, even for an unknown order. tihuo
  # cannot tell an order it never saw from one whose create request is still on its way, so it asks Douyin to
  # deliver the notice again later (D16's "transient, please retry") rather than lose a cancel.
  Rule: A cancel notice for an order tihuo does not know changes nothing and is asked for again later

    Scenario: Douyin cancels an order that tihuo never saw
      When Douyin tells tihuo that order "D-9999" was cancelled "after payment"
      Then tihuo answers "try again later"
      And tihuo has no order "D-9999"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"
