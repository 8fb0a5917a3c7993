global using System.Net;
global using HealthCode.Testing;
global using NUnit.Framework;
