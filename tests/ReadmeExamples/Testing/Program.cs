using TakeoverRules.Detection;
using TakeoverRules.Testing;

var result = Scenario.Create()                       // virtual clock: Wed 2025-03-19 10:00 JST
    .Account("victim")                               // 8 weeks of normal history are generated first
    .Holding(TestMarket.LiquidDomestic, 400).Holding(TestMarket.MidCapDomestic, 1_000).Cash(100_000m)
    .ByAttacker()                                    // from here on, events are labelled fraudulent
    .Login(fromNewDevice: true, country: "VN")
    .After(TimeSpan.FromMinutes(2))
    .SellMostHoldings()
    .EnableForeignTrading()
    .BuyUpToBuyingPower(TestMarket.ThinHongKong, risingPrices: true)
    .Evaluate();                                     // the real detector, default options

result.Should().HoldOrder("buy-1")
    .And.Flag(IndicatorId.LiquidationBurst).WithEvidence("sell-1", "sell-2");
