package io.carlo.engine.bench;

import io.carlo.engine.testing.TestWorkbooks;
import java.util.List;

/**
 * The workbooks of ../shared/workbooks with the simulations their README suggests: which cells become
 * distributions and which cells are the outputs. unit-margin-lookup.xlsx has no suggested
 * simulation and is left out.
 */
public final class SharedModels {

    private SharedModels() {
    }

    public static BenchmarkModel startupPlan() {
        String s = "'WIZEMICE Likest'!";
        return new BenchmarkModel("startup-36-month-plan", TestWorkbooks.shared("startup-36-month-plan.xlsx"), List.of(
                new BenchmarkInput(s + "F4", "Triangular(0.05, 0.10, 0.15)"),
                new BenchmarkInput(s + "F5", "Triangular(0.12, 0.15, 0.20)"),
                new BenchmarkInput(s + "F6", "Triangular(0.05, 0.08, 0.10)"),
                new BenchmarkInput(s + "F7", "Triangular(0.02, 0.03, 0.05)"),
                new BenchmarkInput(s + "F8", "Triangular(30, 40, 100)")),
                List.of(s + "B12", s + "B13", s + "B9"));
    }

    public static BenchmarkModel productPortfolio() {
        return new BenchmarkModel("product-portfolio-200", TestWorkbooks.shared("product-portfolio-200.xlsx"), List.of(
                new BenchmarkInput("Complex!D2", "Triangular(0.8, 0.9, 0.95)"),
                new BenchmarkInput("Complex!D3", "Normal(100, 10)"),
                new BenchmarkInput("Complex!D4", "Uniform(8, 12)")),
                List.of("Complex!K6", "Complex!J6", "Complex!H6"));
    }

    public static BenchmarkModel businessModel() {
        String s = "'Business Model'!";
        return new BenchmarkModel("business-model", TestWorkbooks.shared("business-model.xlsx"), List.of(
                new BenchmarkInput(s + "B5", "Normal(1000, 100)"),
                new BenchmarkInput(s + "B6", "Normal(45.5, 5)"),
                new BenchmarkInput(s + "B7", "Beta(2, 80)"),
                new BenchmarkInput(s + "B8", "Uniform(4000, 6000)"),
                new BenchmarkInput(s + "B9", "Triangular(0.30, 0.35, 0.40)")),
                List.of(s + "B22", s + "B21", s + "B17"));
    }

    public static BenchmarkModel investmentReturns() {
        String s = "Investment!";
        return new BenchmarkModel("investment-returns", TestWorkbooks.shared("investment-returns.xlsx"), List.of(
                new BenchmarkInput(s + "B5", "Uniform(90000, 110000)"),
                new BenchmarkInput(s + "B6", "Normal(0.08, 0.03)"),
                new BenchmarkInput(s + "B8", "Uniform(0.01, 0.02)"),
                new BenchmarkInput(s + "B9", "Normal(0.025, 0.01)")),
                List.of(s + "B18", s + "B17"));
    }

    public static BenchmarkModel projectCosts() {
        String s = "'Project Costs'!";
        return new BenchmarkModel("project-costs", TestWorkbooks.shared("project-costs.xlsx"), List.of(
                new BenchmarkInput(s + "B5", "Triangular(400, 500, 700)"),
                new BenchmarkInput(s + "B6", "Uniform(130, 170)"),
                new BenchmarkInput(s + "B7", "Normal(25000, 2500)"),
                new BenchmarkInput(s + "B9", "Normal(15000, 3000)"),
                new BenchmarkInput(s + "B10", "Uniform(0.1, 0.2)")),
                List.of(s + "B17", s + "B18"));
    }

    public static BenchmarkModel simpleMonteCarlo() {
        String s = "'Monte Carlo Test'!";
        return new BenchmarkModel("simple-monte-carlo", TestWorkbooks.shared("simple-monte-carlo.xlsx"), List.of(
                new BenchmarkInput(s + "B2", "Normal(1000, 100)"),
                new BenchmarkInput(s + "B3", "Uniform(500, 700)"),
                new BenchmarkInput(s + "B5", "Poisson(20)")),
                List.of(s + "B7", s + "B8"));
    }

    /** The four small workbooks, then the product portfolio and the start-up plan. */
    public static List<BenchmarkModel> all() {
        return List.of(businessModel(), investmentReturns(), projectCosts(), simpleMonteCarlo(), productPortfolio(),
                startupPlan());
    }
}
