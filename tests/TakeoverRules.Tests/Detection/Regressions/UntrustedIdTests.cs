using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection.Regressions;

/// <summary>Issue 13 item 9: untrusted ids cannot grow the detector's memory.</summary>
public sealed class UntrustedIdTests
{
    private static readonly DateTimeOffset Time = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(9));

    [Fact]
    public void An_account_id_longer_than_the_cap_is_refused_naming_the_field_and_leaves_no_state()
    {
        var detector = new TakeoverDetector(new DetectorOptions(), Market.Instruments);
        var huge = new string('A', 500_000);

        var evaluate = () => detector.Evaluate(new LoginEvent("l1", Time, huge, true, "198.51.100.1", "d", AuthMethod.Password, LoginChannel.Web));

        evaluate.Should().Throw<ArgumentException>().Where(e => e.ParamName == "account")
            .WithMessage("*event 'l1': account has 500000 characters, more than MaxIdLength (256); it was not applied*");
        detector.AccountCount.Should().Be(0);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("device")]
    [InlineData("country")]
    public void Every_text_a_login_leaves_in_the_state_is_capped(string field)
    {
        var detector = new TakeoverDetector(new DetectorOptions { MaxIdLength = 16 }, Market.Instruments);
        var login = new LoginEvent("l1", Time, "a", true, "198.51.100.1", "d", AuthMethod.Password, LoginChannel.Web);
        var longText = new string('x', 17);
        login = field switch
        {
            "id" => login with { Id = longText },
            "device" => login with { Device = longText },
            _ => login with { Country = longText },
        };

        detector.Invoking(d => d.Evaluate(login)).Should().Throw<ArgumentException>().Where(e => e.ParamName == field);
        detector.Evaluate(login with { Id = "ok", Device = "d", Country = "JP" }).Status.Should().Be(DecisionStatus.Evaluated);
    }

    [Fact]
    public void A_text_at_the_cap_is_kept_and_survives_a_snapshot()
    {
        var detector = new TakeoverDetector(new DetectorOptions { MaxIdLength = 16 }, Market.Instruments);
        var account = new string('a', 16);
        detector.Evaluate(new LoginEvent(new string('i', 16), Time, account, false, "198.51.100.1", new string('d', 16), AuthMethod.Password, LoginChannel.Web));

        var other = new TakeoverDetector(new DetectorOptions { MaxIdLength = 16 }, Market.Instruments);
        other.RestoreAccount(account, detector.SnapshotAccount(account));

        other.SnapshotAccount(account).Should().Equal(detector.SnapshotAccount(account));
    }
}
