@buying
Feature: Buying a pickup voucher (提货券 创单)
  The buyer Lin chooses a SKU and a pickup store (门店) on Douyin and pays. Douyin then asks
  tihuo to create the merchant's order. tihuo sets the goods aside at the chosen store, so
  Douyin never sells what that store does not have. Douyin may deliver any request more
  than once; a repeated request gets the same answer and changes nothing more.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And the store "Jing'an" has 3 units of "Oolong 1 L" on hand
    And the store "Xuhui" has 4 units of "Oolong 500 ml" on hand
    And the store "Xuhui" has 2 units of "Oolong 1 L" on hand

  # D2: Douyin's default is to create the order after payment. The create request alone does not say which
  # mode Douyin uses, so tihuo counts the order as paid when the issue request follows (S1 then S4).
  Rule: An order created after payment sets the goods aside at the chosen store and is paid by the issue request

    Scenario: Douyin creates the order after the buyer has paid
      Given Douyin creates orders "after payment"
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "order accepted"
      And tihuo shows order "D-1001" for pickup at "Jing'an"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows order "D-1001" as "accepted by the merchant"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: The issue request after an order created after payment
      Given Douyin creates orders "after payment"
      And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "working"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "codes issued"
      And tihuo shows order "D-1001" as "issued"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows 2 codes of order "D-1001" as "unused"

  Rule: Only the chosen store and SKU lose available stock

    Scenario Outline: The buyer picks <sku> at <store>
      When Douyin asks tihuo to create order "D-1001" for 1 unit of "<sku>" at "<store>"
      Then tihuo answers "order accepted"
      And tihuo shows order "D-1001" for pickup at "<store>"
      And tihuo counts <on hand> units of "<sku>" on hand and <available> available at "<store>"
      And Douyin sees <available> units of "<sku>" available at "<store>"
      And Douyin sees <untouched> units of "<sku>" available at "<other store>"

      Examples: Store and SKU chosen by the buyer
        | store   | sku           | on hand | available | other store | untouched |
        | Jing'an | Oolong 500 ml | 5       | 4         | Xuhui       | 4         |
        | Jing'an | Oolong 1 L    | 3       | 2         | Xuhui       | 2         |
        | Xuhui   | Oolong 500 ml | 4       | 3         | Jing'an     | 5         |
        | Xuhui   | Oolong 1 L    | 2       | 1         | Jing'an     | 3         |

  # D2: tihuo also supports create-before-pay; the payment notice (支付成功) then follows. An issue
  # request for an order that never got the payment notice counts as payment.
  Rule: An order created before payment waits for the payment, but sets the goods aside already

    Background:
      Given Douyin creates orders "before payment"

    Scenario: Douyin creates the order before the buyer pays
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "order accepted"
      And tihuo shows order "D-1001" as "awaiting payment"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows order "D-1001" as "accepted by the merchant"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: The payment notice marks the order paid
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "awaiting payment"
      When Douyin tells tihuo that order "D-1001" has been paid
      Then tihuo answers "received"
      And tihuo shows order "D-1001" as "paid"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows order "D-1001" as "paid"

    Scenario: An issue request without a payment notice counts as payment
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "awaiting payment"
      And the merchant's code supply is "working"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "codes issued"
      And tihuo shows order "D-1001" as "issued"
      And Douyin shows 2 codes of order "D-1001" as "unused"

  # D12, D16: tihuo refuses rather than oversells; Douyin then cancels and refunds the order itself.
  Rule: An order is refused when the chosen store lacks the goods, even if another store has them

    Scenario: Xuhui has enough, but the buyer chose Jing'an
      Given the store "Jing'an" has 1 unit of "Oolong 500 ml" on hand
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "out of stock at the chosen store"
      And tihuo has no order "D-1001"
      And tihuo counts 1 unit of "Oolong 500 ml" on hand and 1 available at "Jing'an"
      And Douyin shows order "D-1001" as "refused by the merchant"
      And Douyin sees 1 unit of "Oolong 500 ml" available at "Jing'an"
      And Douyin sees 4 units of "Oolong 500 ml" available at "Xuhui"

    Scenario Outline: The last units can be sold, one more cannot
      When Douyin asks tihuo to create order "D-1001" for <units> units of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "<answer>"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and <available> available at "Jing'an"
      And Douyin shows order "D-1001" as "<Douyin's view>"
      And Douyin sees <available> units of "Oolong 500 ml" available at "Jing'an"

      Examples: Units asked at Jing'an, which has 5 on hand
        | units | answer                           | available | Douyin's view            |
        | 5     | order accepted                   | 0         | accepted by the merchant |
        | 6     | out of stock at the chosen store | 5         | refused by the merchant  |

  # D16: a product or store that tihuo cannot map to its own catalogue is a business error.
  Rule: An order for a product or store that tihuo does not know is refused

    Scenario Outline: Douyin sells <sku> at <store>, which tihuo cannot map
      Given Douyin knows "<unknown>" but tihuo has no mapping for it
      When Douyin asks tihuo to create order "D-1001" for 1 unit of "<sku>" at "<store>"
      Then tihuo answers "unknown product or store"
      And tihuo has no order "D-1001"
      And Douyin shows order "D-1001" as "refused by the merchant"
      And Douyin sees 5 units of "Oolong 500 ml" available at "Jing'an"

      Examples: Products and stores without a mapping
        | unknown       | sku           | store   |
        | Jasmine 250 g | Jasmine 250 g | Jing'an |
        | Pudong        | Oolong 500 ml | Pudong  |

  # Every request may be delivered more than once (Douyin retries); the Douyin order is the key.
  Rule: A repeated request gets the same answer and changes nothing more

    Scenario: Douyin delivers the create-order request twice
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin shows order "D-1001" as "accepted by the merchant"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

    Scenario: Douyin delivers a refused create-order request twice
      Given the store "Jing'an" has 1 unit of "Oolong 500 ml" on hand
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo has no order "D-1001"
      And Douyin shows order "D-1001" as "refused by the merchant"

    Scenario: Douyin delivers the payment notice twice
      Given Douyin creates orders "before payment"
      And order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "awaiting payment"
      When Douyin tells tihuo that order "D-1001" has been paid
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo shows order "D-1001" as "paid"
      And Douyin shows order "D-1001" as "paid"

    Scenario: Douyin delivers the issue-code request twice
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "working"
      When Douyin asks tihuo to issue the codes for order "D-1001"
      And Douyin delivers the same request again
      Then tihuo answers the same as the first time
      And tihuo shows 2 codes of order "D-1001" as "valid"
      And Douyin shows 2 codes of order "D-1001" as "unused"
