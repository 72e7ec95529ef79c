@security
Feature: Only genuine requests from Douyin count
  Douyin signs every request it sends to tihuo. A request whose signature does not match, or
  that is too old, is refused before tihuo looks at it, and changes nothing: no order, no stock
  movement, nothing sent to Douyin.

  Background:
    Given the merchant "Mountain Tea Co." sells "Oolong 500 ml" and "Oolong 1 L" for pickup at "Jing'an" and "Xuhui"
    And the store "Jing'an" has 5 units of "Oolong 500 ml" on hand
    And the store "Xuhui" has 4 units of "Oolong 500 ml" on hand

  # D10 (requests), D13 (store-change messages): the signature is checked over the exact bytes received.
  Rule: A request with a forged signature changes nothing

    Scenario: A forged order
      Given the next request from Douyin carries a forged signature
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "signature refused"
      And tihuo has no order "D-1001"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 5 available at "Jing'an"
      And Douyin has received nothing new from tihuo

    Scenario: A forged issue-code request
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "paid"
      And the merchant's code supply is "working"
      And the next request from Douyin carries a forged signature
      When Douyin asks tihuo to issue the codes for order "D-1001"
      Then tihuo answers "signature refused"
      And tihuo shows 0 codes of order "D-1001" as "valid"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has received nothing new from tihuo

    Scenario: A forged cancel notice
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"
      And the next request from Douyin carries a forged signature
      When Douyin tells tihuo that order "D-1001" was cancelled "after payment"
      Then tihuo answers "signature refused"
      And tihuo shows order "D-1001" as "issued"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has received nothing new from tihuo

    Scenario: A forged refund request
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"
      And the next request from Douyin carries a forged signature
      When Douyin asks tihuo to audit a refund of 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "signature refused"
      And tihuo shows 2 codes of order "D-1001" as "valid"
      And Douyin has received nothing new from tihuo

    Scenario: A forged refund result notice
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"
      And the next request from Douyin carries a forged signature
      When Douyin tells tihuo that it refunded 2 units of order "D-1001" as after-sale "R-1"
      Then tihuo answers "signature refused"
      And tihuo shows order "D-1001" as "issued"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin has received nothing new from tihuo

    Scenario: A forged store-change message
      Given order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an" is "issued"
      And the next request from Douyin carries a forged signature
      When Douyin tells tihuo that the buyer moved the pickup of order "D-1001" to "Xuhui"
      Then tihuo answers "signature refused"
      And tihuo shows order "D-1001" for pickup at "Jing'an"
      And tihuo counts 4 units of "Oolong 500 ml" on hand and 4 available at "Xuhui"
      And Douyin has received nothing new from tihuo

  Rule: A refused forgery does not block the genuine request

    Scenario: Douyin delivers the genuine order after a forged one
      Given the next request from Douyin carries a forged signature
      And Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      When Douyin delivers the same request again
      Then tihuo answers "order accepted"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and 3 available at "Jing'an"
      And Douyin sees 3 units of "Oolong 500 ml" available at "Jing'an"

  # D11: a request further than 15 minutes (the default window) from tihuo's clock is refused.
  Rule: A request that is too old is refused and changes nothing

    Scenario Outline: A request <age> minutes old
      Given the next request from Douyin is <age> minutes old
      When Douyin asks tihuo to create order "D-1001" for 2 units of "Oolong 500 ml" at "Jing'an"
      Then tihuo answers "<answer>"
      And tihuo counts 5 units of "Oolong 500 ml" on hand and <available> available at "Jing'an"
      And Douyin sees <available> units of "Oolong 500 ml" available at "Jing'an"

      Examples: Age of the request
        | age | answer          | available |
        | 14  | order accepted  | 3         |
        | 16  | request too old | 5         |
