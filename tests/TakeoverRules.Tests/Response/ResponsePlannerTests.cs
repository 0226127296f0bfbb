using System.Text.RegularExpressions;
using TakeoverRules.Facts;
using TakeoverRules.Response;

namespace TakeoverRules.Tests.Response;

public sealed partial class ResponsePlannerTests
{
    internal static readonly ResponsePlanner Planner = new(FactsRegistry.Embedded);

    // Tuesday 2025-04-22 10:30 JST: inside weekday hours.
    private static readonly DateTimeOffset WeekdayMorning = new(2025, 4, 22, 10, 30, 0, TimeSpan.FromHours(9));

    // Saturday 2025-05-03 23:10 JST: outside weekday hours.
    private static readonly DateTimeOffset SaturdayNight = new(2025, 5, 3, 23, 10, 0, TimeSpan.FromHours(9));

    private static string[] Ids(ResponsePlan plan) => [.. plan.Steps.Select(s => s.Id)];

    [Fact]
    public void A_customer_who_notices_while_trading_is_still_possible_freezes_first_then_secures_and_reports()
    {
        var plan = Planner.Create(new IncidentContext
        {
            BrokerId = "rakuten", TradingStillPossible = true, PasswordReusedElsewhere = true, DiscoveredAt = WeekdayMorning,
        });

        Ids(plan).Should().Equal(
            "contact-broker", "secure-login", "check-withdrawal-account", "preserve-evidence", "report-police",
            "change-reused-passwords", "switch-to-passkey", "compensation-outlook", "consult-finmac", "consult-consumer-hotline", "consult-lawyer");
        plan.Steps.Select(s => s.Order).Should().Equal(Enumerable.Range(1, 11));
        plan.Steps.Select(s => s.Urgency).Should().BeInAscendingOrder();
        plan.Find("contact-broker")!.Action.En.Should().Contain("freeze the account");
        plan.Find("contact-broker")!.FindContactSafely!.Value.En.Should().Contain("rakuten-sec.co.jp").And.Contain("Never use a phone number or link from an e-mail or SMS");
        plan.Find("change-reused-passwords")!.Action.En.Should().StartWith("Change the password on every other service");
        plan.Notes.Should().BeEmpty();
        plan.CompensationPolicies.Should().NotBeEmpty("on 2025-04-22 Rakuten's terms were what was known (the JSDA agreement came on 2025-05-02)");
    }

    [Fact]
    public void When_the_broker_noticed_and_restricted_the_account_the_customer_calls_back_on_the_official_number()
    {
        var plan = Planner.Create(new IncidentContext
        {
            NoticedBy = NoticedBy.Broker, BrokerId = "sbi", TradingStillPossible = false, PasswordReusedElsewhere = false, LargeLoss = false,
        });

        Ids(plan).Should().Equal(
            "contact-broker", "secure-login", "check-withdrawal-account", "preserve-evidence", "report-police",
            "switch-to-passkey", "compensation-outlook", "consult-finmac", "consult-consumer-hotline");
        var first = plan.Steps[0];
        first.Action.Ja.Should().Contain("その連絡に返信せず");
        first.Action.En.Should().Contain("do not reply to that message").And.Contain("call back");
        first.Contacts.Should().BeEmpty("no SBI number is confirmed by a primary source");
        first.FindContactSafely!.Value.Ja.Should().Contain("sbisec.co.jp").And.Contain("ブックマーク");
        first.Evidence.Select(e => e.Id).Should().Equal("call-log");
    }

    [Fact]
    public void A_changed_withdrawal_account_makes_checking_it_urgent_right_after_the_freeze()
    {
        var plan = Planner.Create(new IncidentContext { BrokerId = "nomura", WithdrawalAccountChangeSeen = true });

        Ids(plan).Take(3).Should().Equal("contact-broker", "check-withdrawal-account", "secure-login");
        var check = plan.Find("check-withdrawal-account")!;
        check.Urgency.Should().Be(Urgency.Now);
        check.Action.En.Should().Contain("restore the withdrawal account");
        check.Evidence.Select(e => e.Id).Should().Equal("registered-details-screenshot", "call-log");
        Ids(plan).Should().Contain("change-reused-passwords", "reuse is unknown, so the plan asks to check");
        plan.CompensationPolicies.Select(p => p.Id).Should().Contain("nomura.2025-07-29.until-otp");
        plan.Find("compensation-outlook")!.Action.En.Should().Contain("Latest known policy");
    }

    [Fact]
    public void A_seen_withdrawal_without_a_named_broker_adds_the_fsa_note_and_generic_safe_contact_advice()
    {
        var plan = Planner.Create(new IncidentContext { WithdrawalSeen = true, PasswordReusedElsewhere = false });

        plan.Broker.Should().BeNull();
        plan.CompensationPolicies.Should().BeEmpty();
        plan.Find("check-withdrawal-account")!.Urgency.Should().Be(Urgency.Now);
        plan.Find("contact-broker")!.FindContactSafely!.Value.En.Should().StartWith("Open the broker's official site from your own bookmark");
        plan.Notes.Should().ContainSingle().Which.En.Should().Contain("fraudulent withdrawals had not been confirmed").And.Contain("2025-04-18");
    }

    [Fact]
    public void A_discovery_on_a_saturday_night_says_when_9110_answers_and_points_to_110_for_emergencies()
    {
        var plan = Planner.Create(new IncidentContext { BrokerId = "matsui", DiscoveredAt = SaturdayNight });

        var note = plan.Notes.Should().ContainSingle().Subject;
        note.Ja.Should().Contain("2025-05-03 23:10").And.Contain("(土)").And.Contain("#9110").And.Contain("110番");
        note.En.Should().Contain("outside weekday hours").And.Contain("call 110");
    }

    [Fact]
    public void A_discovery_given_in_utc_is_judged_in_japan_time()
    {
        // 2025-04-22 01:30 UTC is 10:30 JST on a Tuesday: inside hours.
        var plan = Planner.Create(new IncidentContext { DiscoveredAt = new DateTimeOffset(2025, 4, 22, 1, 30, 0, TimeSpan.Zero) });

        plan.Notes.Should().BeEmpty();
    }

    [Fact]
    public void A_broker_with_a_sourced_victim_page_gets_it_as_the_contact()
    {
        var plan = Planner.Create(new IncidentContext { BrokerId = "mufg-esmart" });

        var contact = plan.Find("contact-broker")!.Contacts.Should().ContainSingle().Subject;
        contact.Id.Should().Be("broker-mufg-esmart-damage");
        contact.Url!.AbsoluteUri.Should().Be("https://kabu.com/support/security/damage.html");
        contact.Phone.Should().BeNull();
    }

    [Fact]
    public void The_police_step_lists_9110_the_cyber_crime_desks_and_110_and_asks_for_the_receipt_number()
    {
        var police = Planner.Create(new IncidentContext()).Find("report-police")!;

        police.Contacts.Select(c => c.Id).Should().Equal("police-consultation", "prefectural-cyber-crime-desks", "npa-online-reporting", "police-emergency");
        police.Contacts.Select(c => c.Phone).Should().Equal("#9110", null, null, "110");
        police.Contacts[0].Hours!.Value.En.Should().Be("Weekdays 9:00–17:00");
        police.Evidence.Select(e => e.Id).Should().Equal("police-receipt-number", "call-log");
        police.Evidence[0].RecordsValue.Should().BeTrue();
        police.Evidence[0].Required.Should().BeTrue();
    }

    [Fact]
    public void The_adr_and_hotline_steps_carry_finmac_the_fsa_desk_and_188_with_their_sources()
    {
        var plan = Planner.Create(new IncidentContext());

        var adr = plan.Find("consult-finmac")!.Contacts;
        adr.Select(c => (c.Id, c.Phone)).Should().Equal(("finmac", "0120-64-5005"), ("fsa-counselling", "0570-016811"));
        plan.Find("consult-consumer-hotline")!.Contacts.Select(c => (c.Id, c.Phone)).Should().Equal(("consumer-hotline-188", "188"), ("kokusen-fallback", "03-3446-1623"));
        plan.Steps.SelectMany(s => s.Contacts).Should().OnlyContain(c => c.Sources.Count > 0 && c.Source.Url != null);
    }

    [Fact]
    public void The_evidence_step_keeps_screenshots_the_trade_history_the_messages_with_headers_and_the_call_log()
    {
        var evidence = Planner.Create(new IncidentContext()).Find("preserve-evidence")!.Evidence;

        evidence.Select(e => e.Id).Should().Equal("screenshots-unauthorized-trades", "trade-history-export", "phishing-messages-with-headers", "call-log");
        evidence.Single(e => e.Id == "phishing-messages-with-headers").Description.En.Should().Contain("full headers");
        evidence.Single(e => e.Id == "call-log").Description.En.Should().Contain("date and time").And.Contain("name of the person").And.Contain("what was said");
    }

    [Fact]
    public void Every_contact_is_a_contact_fact_of_the_registry_and_every_fact_id_resolves()
    {
        var registry = FactsRegistry.Embedded;
        foreach (var plan in AllPlans())
        {
            plan.Steps.SelectMany(s => s.Contacts).Should().OnlyContain(c => registry.Contacts.Contains(c));
            plan.Steps.SelectMany(s => s.FactIds).Should().OnlyContain(id => registry.FindFact(id) != null);
        }
    }

    [Fact]
    public void No_phone_number_appears_in_any_text_unless_a_contact_fact_carries_it()
    {
        var known = FactsRegistry.Embedded.Contacts
            .SelectMany(c => c.OtherNumbers.Select(n => n.Number).Append(c.Phone))
            .OfType<string>().ToHashSet();
        foreach (var plan in AllPlans())
        {
            var texts = plan.Steps.SelectMany(s => new[] { s.Title, s.Action, s.Purpose, s.DoneWhen, s.FindContactSafely ?? default })
                .Concat(plan.Notes).Concat(Faq.Entries.Select(f => f.Answer))
                .SelectMany(t => new[] { t.Ja, t.En }).Where(t => t is not null);
            foreach (var text in texts)
            {
                foreach (Match number in PhoneLike().Matches(text))
                {
                    known.Should().Contain(number.Value.TrimEnd('番'), "\"{0}\" appears in: {1}", number.Value, text);
                }
            }
        }
    }

    [Fact]
    public void Every_step_has_both_languages_a_purpose_and_a_done_condition()
    {
        foreach (var step in AllPlans().SelectMany(p => p.Steps))
        {
            foreach (var text in new[] { step.Title, step.Action, step.Purpose, step.DoneWhen })
            {
                text.Ja.Should().NotBeNullOrWhiteSpace();
                text.En.Should().NotBeNullOrWhiteSpace();
                text.Ja.Should().NotBe(text.En);
            }
        }
    }

    [Fact]
    public void Step_ids_are_stable_across_languages_and_contexts()
    {
        var ids = AllPlans().SelectMany(p => p.Steps.Select(s => s.Id)).Distinct().Order(StringComparer.Ordinal);

        ids.Should().Equal(
            "change-reused-passwords", "check-withdrawal-account", "compensation-outlook", "consult-consumer-hotline", "consult-finmac",
            "consult-lawyer", "contact-broker", "preserve-evidence", "report-police", "secure-login", "switch-to-passkey");
    }

    [Fact]
    public void An_unknown_broker_id_is_a_typed_error_naming_the_field_the_value_and_the_known_ids()
    {
        var act = () => Planner.Create(new IncidentContext { BrokerId = "no-such-broker" });

        var error = act.Should().Throw<IncidentContextException>().Which;
        error.Field.Should().Be("BrokerId");
        error.Value.Should().Be("no-such-broker");
        error.Message.Should().StartWith("IncidentContext.BrokerId: unknown broker; known ids: ").And.Contain("rakuten").And.EndWith("(was no-such-broker)");
    }

    [Fact]
    public void Broker_ids_match_case_insensitively()
    {
        Planner.Create(new IncidentContext { BrokerId = "Rakuten" }).Broker!.Id.Should().Be("rakuten");
        Planner.BrokerIds.Should().Contain("rakuten").And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void An_undefined_noticed_by_value_is_rejected()
    {
        var act = () => Planner.Create(new IncidentContext { NoticedBy = (NoticedBy)9 });

        act.Should().Throw<IncidentContextException>().Which.Field.Should().Be("NoticedBy");
    }

    internal static IEnumerable<ResponsePlan> AllPlans()
    {
        foreach (var broker in new string?[] { null, "rakuten", "sbi", "nomura", "mufg-esmart" })
        {
            foreach (var noticedBy in Enum.GetValues<NoticedBy>())
            {
                foreach (var withdrawal in new[] { false, true })
                {
                    yield return Planner.Create(new IncidentContext
                    {
                        BrokerId = broker, NoticedBy = noticedBy, WithdrawalSeen = withdrawal, WithdrawalAccountChangeSeen = withdrawal,
                        TradingStillPossible = !withdrawal, DiscoveredAt = withdrawal ? SaturdayNight : WeekdayMorning,
                    });
                }
            }
        }
    }

    // Japanese phone shapes (0120-64-5005, 03-3446-1623), the short codes and #9110.
    [GeneratedRegex(@"#\d{4}|\b0\d{1,4}-\d{1,4}-\d{3,4}\b|(?<![\d-])(110|188)(?![\d-])")]
    private static partial Regex PhoneLike();
}
