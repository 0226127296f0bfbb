using TakeoverRules.Facts;
using TakeoverRules.Response;

namespace TakeoverRules.Tests.Response;

public sealed class FaqTests
{
    [Fact]
    public void The_four_questions_of_the_seed_are_answered_in_both_languages()
    {
        Faq.Entries.Select(e => e.Id).Should().Equal("what-to-do-first", "why-hong-kong-stocks", "are-brokers-uniform", "bank-vs-securities");
        Faq.Entries.Should().OnlyContain(e => e.Question.Ja.EndsWith('。') && e.Question.En.EndsWith('?') && e.Answer.Ja.Length > 50 && e.Answer.En.Length > 50);
    }

    [Fact]
    public void Every_fact_and_step_an_answer_names_exists()
    {
        var plan = ResponsePlannerTests.Planner.Create(new IncidentContext());
        foreach (var entry in Faq.Entries)
        {
            entry.FactIds.Should().OnlyContain(id => FactsRegistry.Embedded.FindFact(id) != null, entry.Id);
            entry.StepIds.Where(id => plan.Find(id) is null).Should().BeEmpty(entry.Id);
        }
    }

    [Fact]
    public void Every_answer_rests_on_at_least_one_fact()
    {
        Faq.Entries.Should().OnlyContain(e => e.FactIds.Count > 0);
        Faq.Find("bank-vs-securities")!.FactIds.Should().Contain("law.depositors-act.scope");
        Faq.Find("no-such-question").Should().BeNull();
    }
}
