using System.Globalization;
using Microsoft.AspNetCore.Identity;
using SignupForm;
using TakeoverRules;
using TakeoverRules.AspNetCore;
using TakeoverRules.Samples.AspNetCore;

// A securities-account sign-up page (login ID, e-mail, password, trading PIN) with a live strength meter.
// Listens on 127.0.0.1:5080 (appsettings.json "Urls"; --urls http://127.0.0.1:0 picks a free port).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddTakeoverRules(builder.Configuration.GetSection("TakeoverRules"));
// One store for the app's lifetime, so a login ID taken in one request is taken in the next (a real app uses a database).
builder.Services.AddSingleton<IUserStore<IdentityUser>, InMemoryUserStore>();
builder.Services.AddIdentityCore<IdentityUser>().AddTakeoverRulesPasswordValidator();
builder.Services.AddRequestLocalization(options =>
{
    // The page sends Accept-Language for the language the user picked; Identity's messages follow it.
    CultureInfo[] cultures = [CultureInfo.GetCultureInfo("ja-JP"), CultureInfo.GetCultureInfo("en")];
    options.DefaultRequestCulture = new("ja-JP");
    options.SupportedCultures = cultures;
    options.SupportedUICultures = cultures;
});

var app = builder.Build();
app.UseRequestLocalization();
app.Use(async (context, next) =>
{
    // The page loads nothing from elsewhere and runs no inline script.
    context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'none'";
    context.Response.Headers.XContentTypeOptions = "nosniff";
    await next();
});
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapPasswordStrength("/api/password-strength");
app.MapSignup();
app.Run();
