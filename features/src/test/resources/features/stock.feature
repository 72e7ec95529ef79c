@stock
Feature: Store stock that Douyin sees (门店库存)
  tihuo keeps, per store and SKU, the units on hand and the units set aside for orders. What is
  left, the available stock, is what Douyin may sell at that store. Douyin must see each store's
  available stock after every change.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And the store "Xuhui" has 4 units of "Oolong 500 ml" on hand

  # D12: every change of available stock is sent to Douyin as the store's new total.
  Rule: Douyin sees each store's available stock after every change

    Scenario: The merchant recounts the shelf at Jing'an
      When the merchant counts 8 units of "Oolong 500 ml" on hand at "Jing'an"
      Then tihuo counts 8 units of "Oolong 500 ml" on hand and 8 available at "Jing'an"
      And Douyin sees 8 units of "Oolong 500 ml" available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Xuhui"

    Scenario: An order sets goods aside
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      Then tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Handing over the goods does not change what is available
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"
      When the clerk at "Jing'an" redeems 2 codes of order "D-1001"
      Then tihuo counts 3 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: A refund puts the goods back on sale
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"
      When Douyin tells tihuo that it refunded 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

  # D12: changes close together may be sent as one; what counts is that Douyin ends on the latest figure.
  Rule: Douyin ends up with the latest figure when stock changes quickly

    Scenario: Three changes in a row
      When the merchant counts 8 units of "Oolong 500 ml" on hand at "Jing'an"
      And Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      And the merchant counts 6 units of "Oolong 500 ml" on hand at "Jing'an"
      Then tihuo counts 6 units of "Oolong 500 ml" on hand and 4 available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Jing'an"

  # D12: available = on hand - set aside, never below zero. tihuo does not accept a count below the units set
  # aside for buyers (those orders must be settled first), so the shelf here is counted down to what is set aside.
  Rule: Available stock never goes below zero

    Background:
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"

    Scenario: Bottles break until only Lin's two are left
      When the merchant counts 2 units of "Oolong 500 ml" on hand at "Jing'an"
      Then tihuo counts 2 units of "Oolong 500 ml" on hand and 0 available at "Jing'an"
      And Douyin sees 0 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Nothing more is sold at the store until stock arrives
      Given the merchant counts 2 units of "Oolong 500 ml" on hand at "Jing'an"
      When Douyin asks tihuo to create order "D-1002" for 1 unit of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "out of stock at the chosen store"
      And tihuo has no order "D-1002"
      And Douyin shows order "D-1002" as "refused by the merchant"
      And Douyin sees 0 units of "Oolong 500 ml" available at "Jing'an"
