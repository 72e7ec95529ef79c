@returns
Feature: Returns of goods already picked up (申请退货 / 超时退货通知)
  Lin has collected both bottles of order "D-1001" at Jing'an and wants to give one back.
  Douyin asks tihuo to audit the return (申请退货). An approved return waits for the goods to
  come back to the store; once the clerk receives them they are on sale again. When nobody
  answers in time, Douyin approves the return itself and says so (超时退货通知).

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "picked up"
    And the merchant reviews after-sales by hand

  # D9: a return is answered like a refund request (approve / reject / pending). D9 names no default
  # answer, and D7's default would reject every picked-up unit, so these examples use a merchant who
  # reviews after-sales by hand.
  Rule: A return request waits for a person at the merchant

    Scenario: Lin asks to return one bottle
      When Douyin asks tihuo to audit a return of 1 unit of order "D-1001" as after-sale "T-1"
      Then tihuo answers "return pending"
      And tihuo shows after-sale "T-1" as "pending"
      And tihuo counts 3 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows after-sale "T-1" as "awaiting the merchant"

  # D9: an approved return waits for the goods; stock changes only when they are back (D12).
  Rule: An approved return waits for the goods; a rejected return is closed

    Scenario Outline: The merchant decides "<decision>"
      Given Douyin asks tihuo to audit a return of 1 unit of order "D-1001" as after-sale "T-1"
      When the merchant settles after-sale "T-1" as "<decision>"
      Then tihuo shows after-sale "T-1" as "<after-sale>"
      And tihuo counts 3 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows after-sale "T-1" as "<decision>"

      Examples: The merchant's decisions on the return
        | decision | after-sale     |
        | approved | awaiting goods |
        | rejected | rejected       |

  # D9, D12: goods received back at the store are on sale again. Whether Douyin refunds before or
  # after the goods are back is unknown; either order counts the goods once.
  Rule: Goods received back at the store go back into stock, exactly once

    Background:
      Given Douyin asks tihuo to audit a return of 1 unit of order "D-1001" as after-sale "T-1"
      And the merchant settles after-sale "T-1" as "approved"

    Scenario: The clerk receives the returned bottle
      When the clerk at "Jing'an" receives the returned goods of after-sale "T-1"
      Then tihuo shows after-sale "T-1" as "goods received"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Douyin refunds after the goods are back
      Given the clerk at "Jing'an" receives the returned goods of after-sale "T-1"
      When Douyin tells tihuo that it refunded 1 unit of order "D-1001" as after-sale "T-1"
      Then tihuo answers "received"
      And tihuo shows after-sale "T-1" as "refunded"
      And tihuo shows order "D-1001" as "partly refunded"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin shows after-sale "T-1" as "refunded"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Douyin refunds before the goods are back
      Given Douyin tells tihuo that it refunded 1 unit of order "D-1001" as after-sale "T-1"
      When the clerk at "Jing'an" receives the returned goods of after-sale "T-1"
      Then tihuo shows after-sale "T-1" as "refunded"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"

  # D9, D16: the timeout return notice is a notice; tihuo records it exactly like an approval.
  Rule: A return nobody handled in time is approved by Douyin and recorded as approved

    Scenario: The return times out
      Given Douyin asks tihuo to audit a return of 1 unit of order "D-1001" as after-sale "T-1"
      When Douyin tells tihuo that after-sale "T-1" was approved because it was not handled in time
      Then tihuo answers "received"
      And tihuo shows after-sale "T-1" as "awaiting goods"
      And tihuo counts 3 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows after-sale "T-1" as "approved"

    Scenario: Douyin delivers the timeout return notice twice
      Given Douyin asks tihuo to audit a return of 1 unit of order "D-1001" as after-sale "T-1"
      When Douyin tells tihuo that after-sale "T-1" was approved because it was not handled in time
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo shows after-sale "T-1" as "awaiting goods"
      And Douyin shows after-sale "T-1" as "approved"
