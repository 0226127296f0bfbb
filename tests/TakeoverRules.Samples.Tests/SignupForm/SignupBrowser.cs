using Microsoft.Playwright;

namespace TakeoverRules.Samples.Tests.SignupForm;

/// <summary>
/// One SignupForm server and one headless system Chromium for all the browser tests. Playwright drives the Chromium
/// that Debian installs (<see cref="ChromiumPath"/>); it never downloads a browser.
/// </summary>
public sealed class SignupBrowser : IAsyncLifetime
{
    /// <summary>The browser: TAKEOVER_CHROMIUM, or Debian's /usr/bin/chromium (installed by .ci/run).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("TAKEOVER_CHROMIUM") ?? "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private SampleServer? _server;

    internal SampleServer Server => _server ?? throw new InvalidOperationException("not started");

    internal IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return; // the tests skip, saying so
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _server = await SampleServer.SignupFormAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    /// <summary>A fresh page on the sign-up form (its own cookies and storage).</summary>
    internal async Task<IPage> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Server.Address.ToString(), ViewportSize = new() { Width = 720, Height = 1100 }, Locale = "ja-JP" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>A browser test, skipped — loudly, with the reason and the fix — only where no Chromium is installed.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null, [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        if (!File.Exists(SignupBrowser.ChromiumPath))
        {
            Skip = $"BROWSER TESTS NOT RUN: {SignupBrowser.ChromiumPath} is missing; install it with 'apt-get install -y chromium fonts-noto-cjk' (.ci/run does).";
        }
    }
}
