using System.Globalization;
using System.Text;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Tests.Detection.Format;

public sealed class DecisionWriterTests
{
    private static readonly IndicatorHit Hosting = new(IndicatorId.HostingNetwork, IndicatorSeverity.Medium, 20, ["e1"], 1, 1) { Subject = "AS64511" };

    private static string Write(Action<DecisionWriter> write, CultureInfo? culture = null)
    {
        using var stream = new MemoryStream();
        using (var writer = culture is null ? new DecisionWriter(stream, leaveOpen: true) : new DecisionWriter(stream, culture, leaveOpen: true))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Writes_the_decision_line_of_event_format_v1()
    {
        var decision = new Decision("e2", "A-2002", EventSamples.Time, AccountEventType.Order, DecisionKind.Hold, 62, [Hosting]);

        var line = Write(w => w.Write(decision));

        line.Should().Be(
            """{"eventId":"e2","account":"A-2002","time":"2025-03-21T09:15:00+09:00","decision":"hold","risk":62,"indicators":[{"id":"hostingNetwork","severity":"medium","evidence":["e1"],"message":"""
            + "\"" + Hosting.Message + "\"}]}\n");
    }

    [Fact]
    public void Messages_follow_the_chosen_language()
    {
        var decision = new Decision("e2", "A", EventSamples.Time, AccountEventType.Login, DecisionKind.Review, 40, [Hosting]);

        Write(w => w.Write(decision), CultureInfo.GetCultureInfo("ja-JP")).Should().Contain(Hosting.Describe(CultureInfo.GetCultureInfo("ja")))
            .And.NotContain(Hosting.Message);
        Write(w => w.Write(decision), CultureInfo.GetCultureInfo("fr-FR")).Should().Contain(Hosting.Message);
    }

    [Fact]
    public void Without_a_culture_messages_are_english_whatever_the_host_culture()
    {
        var decision = new Decision("e2", "A", EventSamples.Time, AccountEventType.Login, DecisionKind.Review, 40, [Hosting]);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");

            Write(w => w.Write(decision)).Should().Contain(Hosting.Message);
            Write(w => w.Write(decision), CultureInfo.CurrentUICulture).Should().Contain(Hosting.Describe(null)).And.NotContain(Hosting.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Only_orders_and_flagged_events_are_reportable()
    {
        var quietLogin = new Decision("e1", "A", EventSamples.Time, AccountEventType.Login, DecisionKind.Allow, 0, null);
        var quietOrder = new Decision("e2", "A", EventSamples.Time, AccountEventType.Order, DecisionKind.Allow, 0, null);
        var flaggedLogin = new Decision("e3", "A", EventSamples.Time, AccountEventType.Login, DecisionKind.Review, 40, [Hosting]);
        var duplicateOrder = quietOrder with { Status = DecisionStatus.Duplicate };

        var text = Write(w =>
        {
            foreach (var d in new[] { quietLogin, quietOrder, flaggedLogin, duplicateOrder })
            {
                w.WriteIfReportable(d);
            }
        });

        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2)
            .And.SatisfyRespectively(l => l.Should().StartWith("{\"eventId\":\"e2\""), l => l.Should().StartWith("{\"eventId\":\"e3\""));
    }

    [Fact]
    public void A_default_decision_is_rejected() =>
        FluentActions.Invoking(() => Write(w => w.Write(default))).Should().Throw<ArgumentException>();
}
