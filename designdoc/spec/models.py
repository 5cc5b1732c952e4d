"""Typed YAML specs: one pydantic model per document kind.

Every field carries a ``description``: it becomes the comment in a spec
skeleton, the prompt help and the JSON-schema docs an editor shows. Text
fields are optional on purpose: a draft spec may leave them empty and the
rendered document then shows a visible ``TODO:`` placeholder instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SPEC_VERSION = 1
KINDS: tuple[str, ...] = ("one-pager", "full", "hypothesis")
LANGS: tuple[str, ...] = ("en", "ru")
STATUSES: tuple[str, ...] = ("draft", "review", "approved", "rejected", "superseded")

Kind = Literal["one-pager", "full", "hypothesis"]
Lang = Literal["en", "ru"]
Status = Literal["draft", "review", "approved", "rejected", "superseded"]


class _Model(BaseModel):
    """Shared settings: unknown keys are errors, numbers in text fields are fine."""

    # coerce_numbers_to_str: `volume: 120000` or `target: 0.85` in a text field is
    # what people write; refusing it would only annoy them.
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        frozen=True,
    )


def _text(description: str, **kw: Any) -> Any:
    """An optional free-text field (empty renders as a TODO placeholder)."""
    return Field(None, description=description, **kw)


def _list(description: str, **kw: Any) -> Any:
    """An optional list field (empty renders as a TODO placeholder)."""
    return Field(default_factory=list, description=description, **kw)


# ---------------------------------------------------------------- building blocks


class Metric(_Model):
    """One metric with its type and target."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "paid conversion", "kind": "online", "target": "+2% relative", "direction": "higher"}]})

    name: str = Field(description="Metric name, e.g. 'paid conversion' or 'PR-AUC'.", min_length=1)
    kind: Literal["online", "offline"] = Field(
        description="online: a business/product metric measured in production or an A/B test; "
        "offline: a model metric measured on held-out data."
    )
    target: Union[str, None] = _text(
        "Target or threshold, with a number: '>= 0.80', '+2% relative', '<= 50 ms p99'.",
        examples=[">= 0.80"],
    )
    direction: Union[Literal["higher", "lower"], None] = _text(
        "Which way is better: 'higher' or 'lower'."
    )
    proxy: bool = Field(
        False, description="True when this is a fast proxy that correlates with a slower final metric."
    )
    notes: Union[str, None] = _text("Why this metric, how it is computed, caveats.")


class Baseline(_Model):
    """A reference solution the model must beat."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "median of the last 90 days", "simple": True, "description": "Predict the median for the same weekday.", "expected": "MAPE 24%"}]})

    name: str = Field(description="Short name, e.g. 'median of the last 90 days'.", min_length=1)
    simple: bool = Field(
        False,
        description="True for a constant, heuristic, rule, linear/logistic model or the current "
        "system; at least one baseline should be simple.",
    )
    description: Union[str, None] = _text("How it works, in a sentence or two.")
    expected: Union[str, None] = _text("Its measured or expected quality on the offline metric.")


class Reference(_Model):
    """An existing system, product or publication worth learning from."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Competitor X engineering blog", "url": "https://example.com/post", "finding": "+3% retention after launch"}]})

    name: str = Field(description="System, company, product or paper.", min_length=1)
    url: Union[str, None] = _text("Link to the source, if public.")
    finding: Union[str, None] = _text(
        "What they did and the uplift they reported, scaled to our traffic where possible."
    )


class Data(_Model):
    """Where features (X) and labels (Y) come from."""

    feature_sources: list[str] = _list(
        "Sources of the features (X): tables, event streams, external providers."
    )
    label_sources: list[str] = _list("Sources of the labels (Y): where the ground truth comes from.")
    labeling_method: Union[str, None] = _text(
        "How labels are obtained: in-house annotators, a crowdsourcing platform, a vendor, "
        "corrected model outputs, or events that happen naturally."
    )
    volume: Union[str, None] = _text("How much data: rows, period, positives share, growth per day.")
    coverage: Union[str, None] = _text(
        "Coverage of rare groups and segments, and what is done about the thin ones."
    )
    quality_checks: list[str] = _list("Data quality tests run before training and serving.")
    leakage: Union[str, None] = _text(
        "Where target leakage could creep in and how it is prevented."
    )
    privacy: Union[str, None] = _text("Personal data, consent, retention and access restrictions.")


class ABTest(_Model):
    """The online experiment that decides whether the model ships."""

    hypothesis: Union[str, None] = _text(
        "What we expect to change and why: 'if …, then <metric> grows by …, because …'."
    )
    primary_metric: Union[str, None] = _text("The single key metric the decision is based on.")
    guardrail_metrics: list[str] = _list("Metrics that must not degrade (revenue, latency, complaints).")
    split_unit: Union[str, None] = _text("Randomization unit: user, session, device, city, day.")
    split: Union[str, None] = _text("Split strategy and group sizes, e.g. '50/50 by hash of user_id'.")
    alpha: Union[float, None] = Field(
        None, gt=0, lt=1, description="Significance level α (type I error), e.g. 0.05."
    )
    power: Union[float, None] = Field(
        None, gt=0, lt=1, description="Statistical power 1 − β, e.g. 0.8."
    )
    mde: Union[str, None] = _text("Minimum detectable effect, e.g. '+1.5% relative'.")
    statistical_test: Union[str, None] = _text("The test used: t-test, bootstrap, CUPED, Mann–Whitney…")
    sample_size: Union[str, None] = _text("Sample size needed per group.")
    duration: Union[str, None] = _text("How long the test runs, covering whole weekly cycles.")
    aa_test: Union[bool, str, None] = Field(
        None,
        description="The A/A test run first to prove the split is sound: a description, or "
        "true/false.",
    )
    decision_rule: Union[str, None] = _text("When we ship, iterate or stop.")
    on_failure: Union[str, None] = _text("What happens if metrics drop or something breaks mid-test.")


class RollbackRule(_Model):
    """A trigger and the action it sets off."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"trigger": "paid conversion -1% vs control for 2 days", "action": "switch the feature flag back to the previous model"}]})

    trigger: str = Field(description="What starts a rollback: a metric threshold, error rate, outage.", min_length=1)
    action: str = Field(description="What happens then: switch to the previous model, baseline, kill switch.", min_length=1)


class Rollback(_Model):
    """How the system falls back when things go wrong."""

    triggers: list[RollbackRule] = _list("Trigger → action pairs.")
    owner: Union[str, None] = _text("Who decides on a rollback (person or on-call role).")
    fallback: Union[str, None] = _text("What serves traffic while the model is off.")
    time_to_rollback: Union[str, None] = _text("How fast a rollback completes, and how it is rehearsed.")
    notes: Union[str, None] = _text("Release rules, e.g. no rollouts before weekends or holidays.")


class MoSCoW(_Model):
    """Deliverables sorted by priority."""

    must: list[str] = _list("Must have: without these the project fails.")
    should: list[str] = _list("Should have: important, planned into the buffer.")
    could: list[str] = _list("Could have: nice if time allows.")
    wont: list[str] = _list("Won't have in this phase: explicitly out of scope.")
    notes: Union[str, None] = _text("How time is split, e.g. 60–70% for Must, the rest as buffer.")


class Risk(_Model):
    """A risk and what we do about it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"risk": "labels arrive 30 days late", "mitigation": "monitor a proxy metric meanwhile"}]})

    risk: str = Field(description="What may go wrong, or an assumption that may be false.", min_length=1)
    mitigation: Union[str, None] = _text("How we reduce the likelihood or the damage.")


# ---------------------------------------------------------------- full doc sections


class Goals(_Model):
    """Goals and problem statement."""

    problem: Union[str, None] = _text("The business problem and who suffers from it.")
    business_goal: Union[str, None] = _text("The measurable business goal, with a number.")
    why_now: Union[str, None] = _text("Why this matters now.")
    why_ml: Union[str, None] = _text(
        "Is ML needed at all? What a simple rule would achieve and why it is not enough."
    )
    buy_or_build: Union[str, None] = _text(
        "Ready-made products considered, and why building is cheaper over the whole life."
    )
    value_type: Union[Literal["value-added", "value-enabling"], None] = _text(
        "value-added: ML improves a process a person could run; value-enabling: the product "
        "cannot exist without ML."
    )
    expected_uplift: Union[str, None] = _text("Expected uplift in money or a business metric.")


class PriorArt(_Model):
    """Similar systems inside and outside the company."""

    summary: Union[str, None] = _text("What the industry does and what it teaches us.")
    references: list[Reference] = _list("Systems, products and papers, with their reported uplift.")


class Requirements(_Model):
    """Requirements and success criteria."""

    outputs: Union[str, None] = _text("What the system outputs, and to whom.")
    usage: Union[str, None] = _text("How often users or systems interact with it.")
    mode: Union[Literal["real-time", "near-real-time", "batch"], None] = _text(
        "real-time, near-real-time or batch."
    )
    latency: Union[str, None] = _text("Latency budget, e.g. '<= 80 ms p99'.")
    error_costs: Union[str, None] = _text(
        "What a false positive and a false negative cost, and which is worse."
    )
    readiness: Union[str, None] = _text(
        "The explicit definition of 'the model is ready': an A/B result or a held-out metric."
    )
    constraints: list[str] = _list("Other constraints: regulation, explainability, budget, hardware.")
    product_direction: Union[str, None] = _text("Where the product is heading, and how this fits.")


class Modeling(_Model):
    """Modeling and validation."""

    ml_task: Union[str, None] = _text("The problem in ML terms: target, objects, loss.")
    validation: Union[str, None] = _text("Validation scheme: time-based split, grouped k-fold, holdout…")
    candidates: list[str] = _list("Candidate models, simplest first.")
    tradeoffs: Union[str, None] = _text(
        "Trade-offs chosen: quality vs latency, running cost, complexity, robustness."
    )
    expected_gain: Union[str, None] = _text("Expected gain over the best baseline.")
    calibration: Union[str, None] = _text("Whether scores are read as probabilities, and how they are calibrated.")
    error_analysis: Union[str, None] = _text("How errors are analysed: slices, hard examples, learning curves.")
    tracking: Union[str, None] = _text("Experiment tracking: tool, what is logged.")


class Deployment(_Model):
    """Training pipeline and deployment."""

    training: Union[str, None] = _text("How the model is trained: pipeline, orchestration, data snapshot.")
    retraining: Union[str, None] = _text("Retraining cadence and trigger.")
    serving: Union[str, None] = _text("How it is served: batch job or online service, and where.")
    integration: Union[str, None] = _text("Integration with the backend: API, contract, fallbacks.")
    inference_budget: Union[str, None] = _text("Inference budget: latency, throughput, hardware, cost.")
    logging: Union[str, None] = _text("What inputs, outputs and model versions are logged.")


class Monitoring(_Model):
    """Monitoring."""

    technical: list[str] = _list("Technical metrics on dashboards: latency, errors, load.")
    model_quality: list[str] = _list("Model quality tracked in production, with delayed labels where needed.")
    data_drift: Union[str, None] = _text("How data and prediction drift are detected.")
    alerts: list[str] = _list("Alerts: condition → who is paged.")
    manual_review: Union[str, None] = _text("Regular eyeballing of real predictions: who, how often.")
    repeat_ab: Union[str, None] = _text("When the A/B test is repeated (e.g. a long-term holdout).")


class Support(_Model):
    """Scaling and support."""

    scaling: Union[str, None] = _text("Steps to scale after rollout: markets, traffic, new use cases.")
    owner: Union[str, None] = _text("The team that owns the system after launch.")
    on_call: Union[str, None] = _text("On-call rotation and escalation.")
    retraining: Union[str, None] = _text("Who keeps the model fresh, and how.")
    costs: Union[str, None] = _text("Running cost per month and who pays.")


class Stage(_Model):
    """A stage of the plan."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Baseline and metrics", "tasks": ["metric code", "heuristic baseline"], "estimate": "2 weeks", "uncertainty": 1.5}]})

    name: str = Field(description="Stage name.", min_length=1)
    tasks: list[str] = _list("Tasks in this stage.")
    estimate: Union[str, None] = _text("Estimate, e.g. '2 weeks'.")
    uncertainty: Union[float, None] = Field(
        None, ge=1, description="Uncertainty factor the estimate is multiplied by (about 2 for uncertain steps)."
    )


# ---------------------------------------------------------------- one-pager parts


class Why(_Model):
    """Why: the need and the value."""

    problem: Union[str, None] = _text("The problem and who has it.")
    value: Union[str, None] = _text("The value we expect, in money or a business metric.")
    why_now: Union[str, None] = _text("Why now, and why ML rather than a rule.")


class What(_Model):
    """What: the service, its metrics and its success criterion."""

    service: Union[str, None] = _text("What the service does and returns.")
    integration: Union[str, None] = _text("How it talks to existing systems.")
    metrics: list[Metric] = _list("Metrics it moves: online and offline, each with a target.")
    success: Union[str, None] = _text("What counts as success.")


class How(_Model):
    """How: ML framing, data, evaluation, A/B test, deliverables."""

    ml_task: Union[str, None] = _text("The problem in ML terms.")
    data: Data = Field(default_factory=Data, description="Data and labels.")
    baselines: list[Baseline] = _list("Baselines, at least one simple.")
    evaluation: Union[str, None] = _text("How results are evaluated offline: validation scheme, slices.")
    ab_test: ABTest = Field(default_factory=ABTest, description="How the A/B test runs.")
    priorities: MoSCoW = Field(default_factory=MoSCoW, description="Deliverables by MoSCoW.")


# ---------------------------------------------------------------- hypothesis parts


class Idea(_Model):
    """The idea of the experiment."""

    statement: Union[str, None] = _text("The hypothesis in one or two sentences.")
    background: Union[str, None] = _text("What observation or data suggests it.")


class Option(_Model):
    """One way to implement the idea."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"name": "Rule-based prototype", "description": "A hand-written rule behind a flag.", "effort": "3 days"}]})

    name: str = Field(description="Short name of the option.", min_length=1)
    description: Union[str, None] = _text("What is built.")
    effort: Union[str, None] = _text("Effort estimate.")


class ExpectedEffect(_Model):
    """What we expect to move, and by how much."""

    metric: Union[str, None] = _text("The metric expected to move.")
    effect: Union[str, None] = _text("Expected size of the effect, with a number.")
    rationale: Union[str, None] = _text("Why we expect this size: back-of-the-envelope maths, analogues.")


class Verdict(_Model):
    """How fast we will know."""

    time_to_verdict: Union[str, None] = _text("How long until we know whether it works.")
    proxy_metric: Union[str, None] = _text("A fast proxy metric that correlates with the final one.")
    method: Union[str, None] = _text("How it is checked: offline backtest, A/B test, interleaving…")
    decision_rule: Union[str, None] = _text("What result means go, and what means stop.")


class Resources(_Model):
    """What the experiment costs."""

    people: Union[str, None] = _text("People and their time.")
    compute: Union[str, None] = _text("Compute: GPUs, cluster hours, serving cost.")
    data: Union[str, None] = _text("Data that must be collected, bought or labelled.")


# ---------------------------------------------------------------- the specs


class SpecBase(_Model):
    """Metadata every spec carries (it becomes the document's front matter)."""

    spec_version: Literal[1] = Field(1, description="Version of the spec format; currently 1.")
    kind: Kind = Field(description="Document kind: one-pager, full or hypothesis.")
    title: str = Field(description="Document title.", min_length=1)
    lang: Lang = Field("en", description="Language of the document: en or ru.")
    status: Status = Field(
        "draft", description="draft → review → approved, or rejected / superseded."
    )
    owners: list[str] = _list("Authors responsible for the document.")
    reviewers: list[str] = _list("Who reviews and approves it.")
    created: Union[dt.date, None] = Field(None, description="Creation date, YYYY-MM-DD.")
    updated: Union[dt.date, None] = Field(None, description="Last update date, YYYY-MM-DD.")


class OnePagerSpec(SpecBase):
    """A one-page Why–What–How design doc."""

    model_config = ConfigDict(title="designdoc one-pager spec")

    kind: Literal["one-pager"] = Field(description="Document kind: one-pager.")
    why: Why = Field(default_factory=Why, description="Why: the need, the problem, the value.")
    what: What = Field(default_factory=What, description="What: the service, its metrics, success.")
    how: How = Field(default_factory=How, description="How: ML framing, data, evaluation, A/B test, MoSCoW.")
    risks: list[Risk] = _list("Main risks with mitigations.")


class FullSpec(SpecBase):
    """A full ML system design doc."""

    model_config = ConfigDict(title="designdoc full spec")

    kind: Literal["full"] = Field(description="Document kind: full.")
    goals: Goals = Field(default_factory=Goals, description="Goals and problem statement.")
    prior_art: PriorArt = Field(default_factory=PriorArt, description="Prior art and industry analysis.")
    requirements: Requirements = Field(
        default_factory=Requirements, description="Requirements and success criteria."
    )
    metrics: list[Metric] = _list("Online and offline metrics, each with a numeric target.")
    data: Data = Field(default_factory=Data, description="Data and labels.")
    baselines: list[Baseline] = _list("Baselines, simplest first; at least one simple.")
    modeling: Modeling = Field(default_factory=Modeling, description="Modeling and validation.")
    deployment: Deployment = Field(
        default_factory=Deployment, description="Training pipeline and deployment."
    )
    ab_test: ABTest = Field(default_factory=ABTest, description="A/B test design.")
    rollback: Rollback = Field(default_factory=Rollback, description="Rollback plan.")
    monitoring: Monitoring = Field(default_factory=Monitoring, description="Monitoring.")
    support: Support = Field(default_factory=Support, description="Scaling and support.")
    priorities: MoSCoW = Field(default_factory=MoSCoW, description="Priorities (MoSCoW).")
    risks: list[Risk] = _list("Risks with mitigations.")
    open_questions: list[str] = _list("Questions still open.")
    timeline: list[Stage] = _list("Stages with estimates and uncertainty factors.")


class HypothesisSpec(SpecBase):
    """A hypothesis card for one experiment."""

    model_config = ConfigDict(title="designdoc hypothesis spec")

    kind: Literal["hypothesis"] = Field(description="Document kind: hypothesis.")
    project: Union[str, None] = _text("The project or design doc this hypothesis belongs to.")
    idea: Idea = Field(default_factory=Idea, description="The idea.")
    implementation: list[Option] = _list("Ways to implement it, cheapest first.")
    expected_effect: ExpectedEffect = Field(
        default_factory=ExpectedEffect, description="Expected effect and on which metric."
    )
    verdict: Verdict = Field(default_factory=Verdict, description="Time to a verdict and proxy metric.")
    risks: list[Risk] = _list("Risks with mitigations.")
    resources: Resources = Field(default_factory=Resources, description="Resources needed.")


Spec = Union[OnePagerSpec, FullSpec, HypothesisSpec]

_BY_KIND: dict[str, type[SpecBase]] = {
    "one-pager": OnePagerSpec,
    "full": FullSpec,
    "hypothesis": HypothesisSpec,
}


def model_for_kind(kind: str) -> type[SpecBase]:
    """The spec model for ``kind``; raises ``KeyError`` for an unknown kind."""
    try:
        return _BY_KIND[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}") from None
