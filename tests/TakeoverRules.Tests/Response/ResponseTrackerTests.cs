using CsCheck;
using TakeoverRules.Response;

namespace TakeoverRules.Tests.Response;

public sealed class ResponseTrackerTests
{
    private static readonly DateTimeOffset At = new(2025, 4, 22, 11, 0, 0, TimeSpan.FromHours(9));

    private static ResponseTracker NewTracker(IncidentContext? context = null) =>
        ResponseTracker.Start(ResponsePlannerTests.Planner.Create(context ?? new IncidentContext { BrokerId = "rakuten", PasswordReusedElsewhere = true }));

    [Fact]
    public void A_new_tracker_points_to_the_first_step_with_nothing_missing()
    {
        var status = NewTracker().Status;

        status.Next!.Id.Should().Be("contact-broker");
        status.Done.Should().BeEmpty();
        status.Missing.Should().BeEmpty();
        status.Complete.Should().BeFalse();
    }

    [Fact]
    public void A_done_police_step_without_a_receipt_number_reports_it_missing_until_recorded()
    {
        var tracker = NewTracker().MarkDone("contact-broker", At).MarkDone("report-police", At);

        tracker.Status.Missing.Select(m => (m.StepId, m.Item.Id)).Should().Equal(
            ("contact-broker", "call-log"), ("report-police", "police-receipt-number"), ("report-police", "call-log"));

        tracker = tracker
            .LogCall(new CallRecord(At, "楽天証券 サポート", "担当 田中", "口座のロックを依頼し、受付番号 A-1 を受けた"))
            .Record("police-receipt-number", " 第123号 ", At);

        tracker.Status.Missing.Should().BeEmpty();
        tracker.Progress.Items.Single().Value.Should().Be("第123号");
        tracker.Status.Next!.Id.Should().Be("secure-login");
    }

    [Fact]
    public void Marking_a_step_twice_keeps_the_first_time_and_recording_again_replaces_the_value()
    {
        var tracker = NewTracker().MarkDone("contact-broker", At).MarkDone("contact-broker", At.AddHours(1))
            .MarkDone("report-police").Record("police-receipt-number", "1").Record("police-receipt-number", "2");

        tracker.Progress.Done.Should().HaveCount(2);
        tracker.Progress.Done[0].At.Should().Be(At);
        tracker.Progress.Items.Should().ContainSingle().Which.Value.Should().Be("2");
    }

    [Fact]
    public void Completing_every_step_with_its_required_evidence_completes_the_plan()
    {
        var tracker = NewTracker();
        foreach (var step in tracker.Plan.Steps)
        {
            tracker = tracker.MarkDone(step.Id);
            foreach (var item in step.Evidence.Where(e => e.Required && e.Id != "call-log"))
            {
                tracker = tracker.Record(item.Id, item.RecordsValue ? "R-1" : null);
            }
        }

        tracker.Status.Missing.Select(m => m.Item.Id).Distinct().Should().Equal("call-log");
        tracker = tracker.LogCall(new CallRecord(At, "org", "person", "summary"));
        tracker.Status.Complete.Should().BeTrue();
        tracker.Status.Next.Should().BeNull();
    }

    [Fact]
    public void Bad_updates_are_rejected_with_the_field_and_the_value()
    {
        var tracker = NewTracker();

        tracker.Invoking(t => t.MarkDone("no-such-step")).Should().Throw<ArgumentException>().WithMessage("stepId: the plan has no such step (was no-such-step); steps: contact-broker, *");
        tracker.Invoking(t => t.Record("no-such-item")).Should().Throw<ArgumentException>().WithMessage("itemId: the plan has no such evidence item (was no-such-item)*");
        tracker.Invoking(t => t.Record("police-receipt-number")).Should().Throw<ArgumentException>().WithMessage("value: police-receipt-number needs a value (was empty)*");
        tracker.Invoking(t => t.Record("trade-history-export", "x")).Should().Throw<ArgumentException>().WithMessage("value: trade-history-export records no value*");
        tracker.Invoking(t => t.Record("police-receipt-number", new string('1', 201))).Should().Throw<ArgumentException>().WithMessage("value: too long (was 201 characters, at most 200)*");
        tracker.Invoking(t => t.Record("police-receipt-number", "12\u0007")).Should().Throw<ArgumentException>().WithMessage("value: contains control characters*");
        tracker.Invoking(t => t.LogCall(new CallRecord(At, "org", " ", "s"))).Should().Throw<ArgumentException>().WithMessage("call.person: required (was empty)*");
    }

    [Fact]
    public void The_progress_round_trips_through_json_and_resumes_at_the_same_step()
    {
        var tracker = NewTracker(new IncidentContext { BrokerId = "sbi", NoticedBy = NoticedBy.Broker, WithdrawalSeen = true, DiscoveredAt = At, LargeLoss = true })
            .MarkDone("contact-broker", At)
            .MarkDone("check-withdrawal-account")
            .LogCall(new CallRecord(At, "SBI証券", "担当者", "出金停止を確認"))
            .Record("registered-details-screenshot", null, At);

        var json = tracker.ToJson();
        var resumed = ResponseTracker.FromJson(json, ResponsePlannerTests.Planner);

        resumed.Errors.Should().BeEmpty();
        resumed.Tracker!.ToJson().Should().Be(json);
        resumed.Tracker.Progress.Context.Should().Be(tracker.Progress.Context);
        resumed.Tracker.Status.Next!.Id.Should().Be(tracker.Status.Next!.Id);
        resumed.Tracker.Plan.Steps.Select(s => s.Id).Should().Equal(tracker.Plan.Steps.Select(s => s.Id));
        json.Should().Contain("\"noticedBy\": \"Broker\"").And.Contain("\"stepId\": \"contact-broker\"");
    }

    [Fact]
    public void Any_sequence_of_valid_updates_round_trips()
    {
        var plan = ResponsePlannerTests.Planner.Create(new IncidentContext { BrokerId = "nomura" });
        var stepIds = plan.Steps.Select(s => s.Id).ToArray();
        var items = plan.Steps.SelectMany(s => s.Evidence).DistinctBy(e => e.Id).ToArray();
        var operation = Gen.OneOf(
            Gen.Int[0, stepIds.Length - 1].Select(i => (Func<ResponseTracker, ResponseTracker>)(t => t.MarkDone(stepIds[i]))),
            Gen.Select(Gen.Int[0, items.Length - 1], Gen.String[Gen.Char['a', 'z'], 1, 20])
                .Select((i, v) => (Func<ResponseTracker, ResponseTracker>)(t => t.Record(items[i].Id, items[i].RecordsValue ? v : null))),
            Gen.String[Gen.Char, 1, 50].Where(s => !string.IsNullOrWhiteSpace(s))
                .Select(s => (Func<ResponseTracker, ResponseTracker>)(t => t.LogCall(new CallRecord(At, s, s, s)))));

        operation.Array[0, 15].Sample(ops =>
        {
            var tracker = ops.Aggregate(ResponseTracker.Start(plan), (t, op) => op(t));
            var json = tracker.ToJson();
            var resumed = ResponseTracker.FromJson(json, ResponsePlannerTests.Planner);
            resumed.Errors.Should().BeEmpty();
            resumed.Tracker!.ToJson().Should().Be(json);
            resumed.Tracker.Status.Missing.Should().Equal(tracker.Status.Missing);
        });
    }

    [Theory]
    [InlineData("{", "$: not valid progress JSON at line 1*")]
    [InlineData("null", "$: must be an object (was null)")]
    [InlineData("""{"version":2,"context":{}}""", "$.version: unsupported version (was 2, expected 1)")]
    [InlineData("""{"version":1}""", "$*context*")]
    [InlineData("""{"version":1,"context":{"brokerId":"nope"}}""", "$.context.brokerId: unknown broker; known ids: *(was nope)")]
    [InlineData("""{"version":1,"context":{"noticedBy":"Nobody"}}""", "$.context.noticedBy: not valid progress JSON*")]
    [InlineData("""{"version":1,"context":{},"done":[{"stepId":"fly-to-the-moon"}]}""", "$.done[0].stepId: the plan has no such step (was fly-to-the-moon)")]
    [InlineData("""{"version":1,"context":{},"items":[{"itemId":"police-receipt-number","value":""}]}""", "$.items[0].value: police-receipt-number needs a value (was empty)")]
    [InlineData("""{"version":1,"context":{},"calls":[{"at":"2025-04-22T11:00:00+09:00","organisation":"x","person":"y","summary":""}]}""", "$.calls[0].summary: required (was empty)")]
    public void Bad_json_gives_precise_errors_and_no_tracker(string json, string expected)
    {
        var result = ResponseTracker.FromJson(json, ResponsePlannerTests.Planner);

        result.Success.Should().BeFalse();
        result.Tracker.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Should().Match(expected);
    }

    [Fact]
    public void Every_problem_in_a_document_is_listed_not_only_the_first()
    {
        var json = """{"version":1,"context":{},"done":[{"stepId":"a"},{"stepId":"b"}],"items":[{"itemId":"c"}]}""";

        ResponseTracker.FromJson(json, ResponsePlannerTests.Planner).Errors.Should().HaveCount(3);
    }

    [Fact]
    public void An_oversized_document_is_refused_before_parsing()
    {
        var json = new string(' ', ResponseTracker.MaxJsonLength + 1);

        ResponseTracker.FromJson(json, ResponsePlannerTests.Planner).Errors.Should().ContainSingle()
            .Which.Should().StartWith("$: the document is too long");
    }
}
