global using HealthCode.Playground.Tests.Support;
global using HealthCode.Testing;
global using Microsoft.Playwright;
global using NUnit.Framework;
global using static Microsoft.Playwright.Assertions;
