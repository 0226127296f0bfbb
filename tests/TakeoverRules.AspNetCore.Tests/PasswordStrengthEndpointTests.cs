using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TakeoverRules.AspNetCore.Tests;

public sealed class PasswordStrengthEndpointTests
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_posted_password_gets_a_score_feedback_and_the_policy_verdict_without_caching()
    {
        await using var app = new SampleApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/password-strength", Json("""{"password":"password","userInputs":["taro@example.jp"]}"""), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var answer = await response.Content.ReadFromJsonAsync<PasswordStrengthResponse>(cancellationToken: TestContext.Current.CancellationToken);
        answer!.Score.Should().Be(0);
        answer.ScoreName.Should().Be("very_weak");
        answer.Compliant.Should().BeFalse();
        answer.Violations.Select(v => v.Code).Should().Contain("Blocklisted");
        answer.Warning.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Feedback_is_Japanese_when_the_browser_asks_for_Japanese()
    {
        await using var app = new SampleApp();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/password-strength") { Content = Json("""{"password":"abc"}""") };
        request.Headers.AcceptLanguage.ParseAdd("ja-JP");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var answer = await response.Content.ReadFromJsonAsync<PasswordStrengthResponse>(cancellationToken: TestContext.Current.CancellationToken);
        answer!.Violations.Single(v => v.Code == "TooShort").Message.Should().Be("8文字以上にしてください。");
    }

    [Theory]
    [InlineData("ja", true)]
    [InlineData("ja-JP,en;q=0.8", true)]
    [InlineData("en-US,ja;q=0.9", false)]
    [InlineData("en;q=0.5, ja", true)]
    [InlineData("jv", false)]
    [InlineData("jam", false)]
    public async Task Feedback_follows_the_most_preferred_language(string acceptLanguage, bool japanese)
    {
        await using var app = new SampleApp();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/password-strength") { Content = Json("""{"password":"abc"}""") };
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var answer = await response.Content.ReadFromJsonAsync<PasswordStrengthResponse>(cancellationToken: TestContext.Current.CancellationToken);
        var message = answer!.Violations.Single(v => v.Code == "TooShort").Message;
        (message == "8文字以上にしてください。").Should().Be(japanese, "Accept-Language {0} gave {1}", acceptLanguage, message);
    }

    [Theory]
    [InlineData("/password-strength?password=abc", """{"password":"abc"}""", HttpStatusCode.BadRequest)]
    [InlineData("/password-strength", """{"pass":"abc"}""", HttpStatusCode.BadRequest)]
    [InlineData("/password-strength", """not json""", HttpStatusCode.BadRequest)]
    public async Task The_password_is_taken_from_a_JSON_body_only(string url, string body, HttpStatusCode status)
    {
        await using var app = new SampleApp();
        using var client = app.CreateClient();

        using var response = await client.PostAsync(url, Json(body), TestContext.Current.CancellationToken);

        response.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task GET_and_oversized_bodies_are_refused()
    {
        await using var app = new SampleApp();
        using var client = app.CreateClient();

        (await client.GetAsync("/password-strength", TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        (await client.PostAsync("/password-strength", Json($$"""{"password":"{{new string('a', 5000)}}"}"""), TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Each_client_is_rate_limited_after_the_permit_limit()
    {
        await using var app = new LimitedApp();
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/limited", Json("""{"password":"abc"}"""), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public void Invalid_endpoint_options_fail_when_the_endpoint_is_mapped()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTakeoverRules();
        using var app = builder.Build();

        var act = () => app.MapPasswordStrength("/x", o => o.PermitLimit = 0);

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("PermitLimit");
    }

    /// <summary>The sample with a second, tightly limited endpoint.</summary>
    private sealed class LimitedApp : SampleApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new MapLimited()));
        }

        private sealed class MapLimited : Microsoft.AspNetCore.Hosting.IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.UseRouting();
                app.UseEndpoints(e => e.MapPasswordStrength("/limited", o => o.PermitLimit = 3));
            };
        }
    }
}
