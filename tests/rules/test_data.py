"""Data rules (DD211, DD212)."""

from __future__ import annotations

import pytest

from _content import check

FEAT = "no-feature-source"
LABEL = "no-label-source"


@pytest.mark.parametrize("md, expected", [
    ("## Data\nFeatures: 18 months of platform events from ClickHouse.\n", []),
    ("## Данные\nПризнаки — события платформы за 18 месяцев из хранилища.\n", []),
    ("## Data\nWe will gather the data we need.\n", [(1, FEAT)]),
    ("## Данные\nСоберем нужные данные.\n", [(1, FEAT)]),
    ("## Data\nTraining: the 1,800 tagged projects (title + description).\n", []),
    ("## Data\nSee the table `crm.churn_scores` and billing.subscriptions.\n", []),
    ("## Data\n### Data sources\nLoyalty-card transactions.\n### Labeling\nPurchases.\n", []),
    # a simulator or synthetic data is a source; simulated annealing is a method
    ("## Data\nThe simulator's merchants, plus a list of common merchants we write.\n", []),
    ("## Данные\nМерчанты из симулятора и список частых мерчантов, который мы пишем сами.\n", []),
    ("## Data\nWe tune the weights with simulated annealing.\n", [(1, FEAT)]),
    # review: saying no synthetic data or simulator is used names no source
    ("## Data\nWe will gather the data we need. No synthetic data will be used.\n", [(1, FEAT)]),
    ("## Данные\nСоберём нужные данные; синтетические данные не используем.\n", [(1, FEAT)]),
    # second review: a simulator that generates the data is its source
    ("## Data\nWe use a driving simulator (CARLA) to generate training scenes.\n", []),
    ("## Данные\nПолёты записываем на лётном симуляторе.\n", []),
    # a named body of data with its volume, or "a data set", is a source
    ("## Данные\nДанные запросов сотрудников (110к), пропусков < 5%.\n", []),
    ("## Data\nEmployee request data (110k), under 5% missing.\n", []),
    ("## Данные\nЗаказчик предоставит набор данных.\n", []),
    # who hands the data over, or its history, names where it comes from
    ("## Data\nSeverstal provides pixel-level RLE masks.\n", []),
    ("## Data\nScans provided by the partner clinics.\n", []),
    ("## Data\nDaily historical total_units_sold per SKU.\n", []),
    ("## Данные\nСнимки предоставлены партнёрскими клиниками.\n", []),
    ("## Данные\nБанк предоставит выгрузку за год.\n", []),
    ("## Данные\nИсторические продажи по SKU за день.\n", []),
    ("## Data\nThis section provides an overview of what we need.\n", [(1, FEAT)]),
    # review: compute, guidelines, a model's output, no history or a planned collection name no source
    ("## Data\nCompute is provided by the platform team. The inputs are still being scoped.\n", [(1, FEAT)]),
    ("## Data\nWe have no historical data for this product yet.\n", [(1, FEAT)]),
    ("## Data\nHistorical context: the rule engine was retired in 2021.\n", [(1, FEAT)]),
    ("## Data\nThe model provides labels for downstream teams.\n", [(1, FEAT)]),
    ("## Data\nTraining data (~50k): to be collected during the pilot.\n", [(1, FEAT)]),
    ("## Данные\nКакие данные нужны, пока не ясно; предоставление доступа займёт 2–3 недели.\n", [(1, FEAT)]),
    ("## Данные\nДанные для обучения (~100к) планируем собрать в ходе пилота.\n", [(1, FEAT)]),
    ("## Данные\nМодель предоставляет прогноз другим командам.\n", [(1, FEAT)]),
    ("## Данные\nGPU для обучения предоставит платформенная команда.\n", [(1, FEAT)]),
    ("## Data\nThe data (see below) will be cleaned.\n", [(1, FEAT)]),
    ("## Данные\nДанные (5 мин) пишем раз в сутки.\n", [(1, FEAT)]),
    ("## Data\nTODO\n", []),  # placeholder-text covers it
    ("## Goals\nX.\n", []),
])
def test_no_feature_source(md, expected):
    assert check(md, FEAT) == expected


@pytest.mark.parametrize("md, expected", [
    ("## Data\nOrder logs; the label is a return registered within 30 days.\n", []),
    ("## Данные\nЛоги заказов; метка — возврат в течение 30 дней.\n", []),
    ("## Data\nOrder logs and customer profiles from the warehouse.\n", [(1, LABEL)]),
    ("## Данные\nЛоги заказов и профили клиентов из хранилища.\n", [(1, LABEL)]),
    ("## Данные\nЖурнал ремонтов — источник меток отказа.\n", []),
    ("## Данные\nТаргет — отмена подписки из биллинга, разметка не нужна.\n", []),
    ("## Data\nPairs are labelled on a crowdsourcing platform with overlap 3.\n", []),
    ("## Данные\nПары размечают асессоры на Толоке.\n", []),
    # labels under a Data sub-section
    ("## Data\n### Sources\nTickets.\n### Data labeling\nSenior agents mark the answer.\n", []),
    # defined with the task instead
    ("## Goals\nThe target is a cancellation within 30 days.\n## Data\nBooking logs.\n", []),
    ("## Data\nSession logs; clustering, so no labels are needed.\n", []),
    # a one-pager without a Data sub-section is not asked for labels
    ("---\nkind: one-pager\n---\n## Why\nX.\n## What\nY.\n## How\nOrder logs.\n", []),
    # the logged event the model learns to predict is the label
    ("## Задача\nЦелевой сигнал: основной — addtocart, дополнительный — transaction.\n## Данные\nevents.csv.\n", []),
    ("## Goal\nTarget signal: add-to-cart events.\n## Data\nevents.csv.\n", []),
    ("## Goal\nThe target event is a purchase within 7 days.\n## Data\nevents.csv.\n", []),
    ("## Data\nRaw ADC samples; target signal-to-noise ratio above 10 dB.\n", [(1, LABEL)]),
    ("## Data\nStream of target events per second: 50k.\n", [(1, LABEL)]),
])
def test_no_label_source(md, expected):
    assert check(md, LABEL) == expected


@pytest.mark.parametrize("text", [
    "Zendesk tickets; golden set: two senior agents wrote reference answers.",
    "CRM history; closed-won opportunities will serve as the positive outcome.",
    'Play events; a "positive" is an episode played 60 s or more.',
    "Drafts graded by QA specialists on a 3-point scale; KB export nightly.",
    # a labelled public set carries its labels
    "Plant photos: [kaggle](https://www.kaggle.com/datasets/plants-classification).",
    "Набор данных FER-2013, аннотирован для обучения модели.",
    # a recommender's explicit feedback
    "Talk archives, viewer ratings and programme-committee scores.",
    "Catalogue and 5-star ratings from the app.",
    "Архивы докладов, рейтинги зрителей, статистика просмотров.",
    "Каталог и явные оценки пользователей из приложения.",
])
def test_label_wordings(text):
    assert check(f"## Data\n{text}\n", "no-label-source") == []


def test_scored_by_rules_is_not_a_label():
    md = "## Data\nTransactions from the DWH, scored by the current rules.\n"
    assert check(md, "no-label-source") == [(1, "no-label-source")]


@pytest.mark.parametrize("md, expected", [
    # the source is told under another heading that names the data
    ("## Problem\n### Existing data flow\nEvery sale is logged to the warehouse.\n"
     "## Data\nWe learn from periods without outages.\n", []),
    ("## Цели\n### Блоки данных\nФото, собранные из публичных обзоров.\n"
     "## Данные\nДелим выборку пополам.\n", []),
    # a heading without the data in it does not stand in
    ("## Problem\nEvery sale is logged to the warehouse.\n"
     "## Data\nWe learn from periods without outages.\n", [(3, "no-feature-source")]),
    ("## Цели\nФото, собранные из публичных обзоров.\n"
     "## Данные\nДелим выборку пополам.\n", [(3, "no-feature-source")]),
])
def test_feature_source_under_a_data_heading_elsewhere(md, expected):
    assert check(md, "no-feature-source") == expected


@pytest.mark.parametrize("md, expected", [
    # how many positives there are does not say what a positive is or who marked it
    ("## Данные\nФото из обзоров ремонта: 30 положительных и 30 отрицательных примеров.\n",
     [(1, "no-label-source")]),
    ("## Data\nPhotos from renovation reviews: 30 positive and 30 negative examples.\n",
     [(1, "no-label-source")]),
    ("## Данные\nФото из обзоров. Положительные примеры — фото, где прораб отметил дефект.\n", []),
    ("## Data\nPhotos from reviews. Positive examples are photos where a foreman flagged a defect.\n", []),
])
def test_label_source_needs_a_definition_not_a_count(md, expected):
    assert check(md, "no-label-source") == expected


@pytest.mark.parametrize("md, expected", [
    # where the labels come from may be said outside the data section
    ("## Data\nDocs from the wiki.\n## Pilot\nPrecision against our 300 labeled documents ≥ 90%.\n", []),
    ("## Данные\nДокументы из вики.\n## Пилот\nСверяем с разметкой асессоров.\n", []),
    # saying there are none is no source
    ("## Data\nFace crops; the encoder is pretrained on faces without labels.\n", [(1, LABEL)]),
    ("## Данные\nКропы лиц; энкодер предобучен на датасете лиц без меток.\n", [(1, LABEL)]),
])
def test_label_source_anywhere_but_not_a_negation(md, expected):
    assert check(md, LABEL) == expected


@pytest.mark.parametrize("md, expected", [
    # a line labelled as the data, anywhere in the doc, may name the source
    ("## Data\nCollect and label the images.\n## Flowchart\n1. **Data collection**: public datasets of GAN images and ImageNet.\n", []),
    ("## Данные\nСобираем и размечаем.\n## Схема\n- **Источники данных**: выгрузка из CRM.\n", []),
    ("## Data\nCollect and label the images.\n## Flowchart\n1. **Model**: a ResNet trained on our logs.\n",
     [(1, "no-feature-source")]),
])
def test_feature_source_on_a_data_labelled_line(md, expected):
    assert check(md, "no-feature-source") == expected


@pytest.mark.parametrize("md", [
    "## Data\nOrders.\n## Risks\nLabels may be noisy and arrive late.\n",
    "## Данные\nЗаказы.\n## Риски\nМетки могут быть шумными.\n",
])
def test_labels_named_among_risks_are_no_source(md):
    assert check(md, LABEL) == [(1, LABEL)]


def test_a_hyphenated_data_word_is_no_data_label():
    md = "## Data\nCollect the images.\n## Goals\nData-driven moderation history matters.\n"
    assert check(md, "no-feature-source") == [(1, "no-feature-source")]


@pytest.mark.parametrize("md, expected", [
    # a time series forecast learns from its own history: that history is the label
    ("## Data\nHourly meter readings.\n## Modeling\nTime-series forecasting algorithms (e.g., ARIMA, LSTM) "
     "will learn from historical consumption data.\n", []),
    ("## Data\nDaily sales by store.\n## Modeling\nDemand forecasting from three years of historical sales.\n", []),
    ("## Данные\nПродажи по магазинам.\n## Модель\nПрогноз спроса по историческим продажам за три года.\n", []),
    # a classifier trained on history still owes its label
    ("## Data\nHistorical transactions from the warehouse.\n## Modeling\nA churn classifier on historical data.\n",
     [(1, "no-label-source")]),
    ("## Данные\nИсторические транзакции.\n## Модель\nКлассификатор оттока на исторических данных.\n",
     [(1, "no-label-source")]),
])
def test_a_forecast_needs_no_separate_label(md, expected):
    assert check(md, "no-label-source") == expected



@pytest.mark.parametrize("md, expected", [
    # nothing is trained (a prompted LLM, a model used as is): there is no target to label
    ("## Data\nCase texts only. We will not fine-tune the model in this iteration.\n", []),
    ("## Data\nCase texts. No training data is needed: the agents are prompted.\n", []),
    ("## Данные\nМы не будем дообучать агентов, поэтому данных для обучения нету.\n", []),
    ("## Данные\nТексты кейсов. Дообучение модели не требуется.\n", []),
    # a model trained on some data, or retrained less often, still owes its label
    ("## Data\nLogs. We will not train the model from scratch; we fine-tune BERT.\n", [(1, LABEL)]),
    ("## Data\nLogs. We do not train the model on PII.\n", [(1, LABEL)]),
    ("## Data\nLogs. We will not retrain the model daily.\n", [(1, LABEL)]),
    ("## Данные\nЛоги. Модель не обучается на чувствительных полях.\n", [(1, LABEL)]),
    ("## Данные\nЛоги. Не будем переобучать модель каждый день.\n", [(1, LABEL)]),
])
def test_nothing_trained_needs_no_label(md, expected):
    assert check(md, LABEL) == expected


@pytest.mark.parametrize("md, expected", [
    # the predicted event defined by a rule on the data says which event is the label
    ("## Goals\nPredict churn. Churn is defined as no purchase within 30 days.\n## Data\nOrder logs.\n", []),
    ("## Goals\nPredict short-term volatility spikes.\n### Definition of Volatility Spike\nA move above 2σ.\n"
     "## Data\nTick data.\n", []),
    ("## Цели\nПрогнозируем отток клиентов. Отток определяется как отсутствие покупок 30 дней.\n"
     "## Данные\nЛоги заказов.\n", []),
    ("## Цели\nВыявляем аномалии.\n## Данные\nЛоги. Под аномалией понимаем скачок выше 3σ.\n", []),
    # defining who is scored, or another term, names no label
    ("## Goals\nPredict whether a customer will churn. A customer is defined as an account with a purchase.\n"
     "## Data\nOrder logs.\n", [(3, LABEL)]),
    ("## Goals\nDetect fraud.\n## Data\nLogs. Latency is defined as p95.\n", [(3, LABEL)]),
    ("## Цели\nПрогнозируем отток.\n## Данные\nЛоги. Активный клиент определяется как клиент с покупкой.\n",
     [(3, LABEL)]),
    # "define the primary target as …" names the label
    ("## Data\nAppointment counts; we define the primary target as observed attended appointments.\n", []),
    ("## Data\nAppointment counts; the main target is attended appointments per day.\n", []),
    ("## Data\nAppointment counts; targets are defined as in the previous release.\n", [(1, LABEL)]),
])
def test_a_defined_target_is_the_label(md, expected):
    assert check(md, LABEL) == expected


@pytest.mark.parametrize("md", [
    # review: defining who is scored, a time unit or a system term names no label
    "## Goals\nPredict churn among active users.\n## Data\nLogs. Active users are defined as users with a login.\n",
    "## Цели\nМодель прогнозирует отток активных пользователей.\n## Данные\nЛоги. Под активными пользователями "
    "понимаем тех, кто заходил за 30 дней.\n",
    "## Цели\nМодель предсказывает отток клиентов.\n## Данные\nЛоги. Под клиентами понимаем физлиц с договором.\n",
    "## Goals\nWe classify support tickets by topic.\n## Data\nLogs. A ticket is defined as any inbound email.\n",
    "## Goals\nWe detect anomalies in API latency.\n## Data\nLogs. Latency is defined as the p95 response time.\n",
    "## Goals\nWe predict store returns per week.\n## Data\nLogs. A week is defined as Monday to Sunday.\n",
    "## Goals\nPredict churn.\n## Data\nLogs. Open question: the business has not agreed on a definition of churn.\n",
    "## Цели\nПрогнозируем отток.\n## Данные\nЛоги.\nОпределение оттока: уточнить с бизнесом.\n",
    # review: how or where a model is not trained, or labels not there yet, still owe a source
    "## Data\nLogs. We do not train the model online; it is retrained weekly.\n",
    "## Data\nLogs. The scoring service does not train the model; training runs in Airflow.\n",
    "## Data\nLogs. We will not train a model per store; one global model.\n",
    "## Data\nLogs. We use frozen BERT embeddings (no fine-tuning required) and train a logistic regression on top.\n",
    "## Data\nLogs. There is no training dataset yet; we will collect one during the pilot.\n",
    "## Data\nLogs. No model training is done on the device; the model is retrained nightly.\n",
    "## Данные\nЛоги. Модель не обучается онлайн: переобучение раз в неделю.\n",
    "## Данные\nЛоги. Мы не дообучаем модель на лету, а переобучаем раз в неделю.\n",
    "## Данные\nЛоги. Не будем обучать отдельную модель для каждого магазина.\n",
    "## Данные\nЛоги. Данных для обучения пока нет — соберём их за 3 месяца пилота.\n",
    # review: a metric or a business goal called "the main target"
    "## Data\nLogs. We use macro-F1 as the main target as the classes are imbalanced.\n",
    "## Data\nLogs. We define the primary target as a 5% drop in reopened tickets by Q3.\n",
])
def test_label_look_alikes_still_owe_a_source(md):
    assert [name for _, name in check(md, LABEL)] == [LABEL]

@pytest.mark.parametrize("md, expected", [
    # a recommender's implicit labels
    ("## Data\nEvent logs.\n## Modeling\nWe frame it as clicked vs. not clicked.\n", []),
    ("## Data\nEvent logs.\n## Metrics\nRecall@K: of the items the user actually clicked, the share in the top K.\n", []),
    ("## Данные\nЛоги событий.\n## Модель\nЦелевое событие: кликнул / не кликнул.\n", []),
    ("## Данные\nЛоги событий; учимся на неявной обратной связи.\n", []),
    ("## Data\nEvent logs. We count clicks per event.\n", [(1, "no-label-source")]),
    # an interaction log that records the rating or the like
    ("## Data\n1. **Interactions:** `User ID` :: `Movie ID` :: `Rating` :: `Timestamp`.\n", []),
    ("## Данные\n- Взаимодействия: user_id, item_id, оценка, время.\n", []),
    ("## Data\nInteractions: page views and clicks per session.\n", [(1, "no-label-source")]),
    ("## Данные\nВзаимодействия: просмотры страниц и клики.\n", [(1, "no-label-source")]),
])
def test_implicit_feedback_labels(md, expected):
    assert check(md, "no-label-source") == expected


@pytest.mark.parametrize("md", [
    # forecasting a class from history is still a classifier that owes its label (review)
    "## Data\nLoan book.\n## Modeling\nHistorical loan data (5 years) is used to forecast default risk.\n",
    "## Data\nCards.\n## Modeling\nA fraud classifier on time-series features built from each card's transaction history.\n",
    "## Данные\nКредиты.\n## Модель\nИсторические данные по кредитам используются для прогноза дефолта заёмщика.\n",
])
def test_history_alone_is_no_forecast_label(md):
    assert check(md, "no-label-source") == [(1, "no-label-source")]


@pytest.mark.parametrize("md", [
    "# A/B Test Plan: retention offers\n## Data collection\nWe log exposures and churn dates weekly.\n",
    "# План A/B-эксперимента: скидки\n## Сбор данных\nЛогируем показы и отток раз в неделю.\n",
])
def test_a_plan_of_one_part_designs_no_model(md):
    # an experiment's "data collection" is its tracking, not training data
    assert check(md, FEAT) == [] and check(md, LABEL) == []


def test_a_whole_design_is_still_asked():
    md = "# Retention model\n## Data collection\nWe will gather what we need.\n"
    assert check(md, FEAT) == [(2, FEAT)]


@pytest.mark.parametrize("title", [
    # review: a whole design whose title also names its A/B test or rollback plan
    "Churn model: design and A/B test plan",
    "Fraud model with rollback plan",
    "Rollback-aware design of the pricing model",
    "Модель оттока: дизайн и план отката",
])
def test_a_whole_design_titled_with_its_plan_is_still_asked(title):
    md = f"# {title}\n## Goals\nCut churn.\n## Data\nWe will gather what we need.\n## Model\nBoosting.\n"
    assert check(md, FEAT) == [(4, FEAT)]


@pytest.mark.parametrize("md", [
    # ratings as a count or an app's standing are no labels
    "## Data\nApp store reviews; the app's average is 4.2.\n",
    "## Данные\nЛоги заказов; рейтинг приложения 4,2.\n",
])
def test_ratings_that_are_no_labels(md):
    assert check(md, LABEL) == [(1, LABEL)]



@pytest.mark.parametrize("md", [
    # review: ratings among the features are no label
    "## Data\nFeatures also include customer ratings (1-5) from NPS surveys.\n",
    "## Data\nFor ETA we add restaurant star ratings as a feature.\n",
    "## Данные\nПризнаки: история покупок, оценки покупателей товару, цена.\n",
])
def test_ratings_as_features_are_no_labels(md):
    assert check(md, LABEL) == [(1, LABEL)]


@pytest.mark.parametrize("md, expected", [
    # the dataset's own target column names where the label comes from
    ("## Data\n| Field | Value |\n|---|---|\n| Source file | `data/raw/readmissions.csv` from the hospital EHR |\n"
     "| Target column | `readmitted` (yes → 1, no → 0) |\n", []),
    ("## Data\nExport of the hospital EHR: `readmitted` is the binary target, 30-day readmission.\n", []),
    ("## Данные\nВыгрузка из МИС больницы. Целевой столбец — `readmitted` (да → 1, нет → 0).\n", []),
    # a column of features is none
    ("## Data\nExport of the hospital EHR with age, diagnosis codes and length of stay.\n",
     [(1, "no-label-source")]),
    ("## Данные\nВыгрузка из МИС больницы: возраст, коды диагнозов, длительность госпитализации.\n",
     [(1, "no-label-source")]),
])
def test_a_dataset_target_column_is_the_label_source(md, expected):
    assert check(md, "no-label-source") == expected


@pytest.mark.parametrize("md, rule, expected", [
    # third review: look-alikes of this session's readings (each read right before it too)
    ('## Goal\nPredict which subscribers will cancel so the CRM team can call them.\n## Data\nOrder logs and customer profiles from the warehouse.\nA nightly ETL copies them from Postgres; each source column is mapped to a target column in `orders_dwh`.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки, чтобы CRM-команда успела позвонить.\n## Данные\nЛоги заказов и профили клиентов из хранилища.\nНочной ETL переносит их из Postgres; каждый столбец источника маппится на целевой столбец витрины `orders_dwh`.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Goal\nPredict which subscribers will cancel so the CRM team can call them.\n## Data\nOrder logs and customer profiles from the warehouse.\nProfiles come from the CRM export; its target field holds the sales quota of the account manager.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки, чтобы CRM-команда успела позвонить.\n## Данные\nЛоги заказов и профили клиентов из хранилища.\nПрофили берём из выгрузки CRM; её целевое поле — план продаж менеджера.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки, чтобы CRM-команда успела позвонить.\n## Данные\nЛоги заказов и профили клиентов из хранилища; в целевых полях витрины храним только агрегаты за неделю.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Goal\nPredict which subscribers will cancel so the CRM team can call them.\n## Data\nOrder logs and customer profiles from the warehouse.\n## Metrics\nEvery KPI on the retention dashboard has a numeric target set by finance each quarter.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Цель\nПредсказывать, кто из абонентов откажется от подписки, чтобы CRM-команда успела позвонить.\n## Данные\nЛоги заказов и профили клиентов из хранилища.\n## Метрики\nВ дашборде удержания целевая колонка — квартальный план, который ставят финансы.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Goal\nPredict which subscribers will cancel so the CRM team can call them.\n## Data\nOrder logs and customer profiles from the warehouse.\n## Metrics\nRevenue growth is a continuous target of the sales team, not a model metric.\n',
     'no-label-source', [(3, 'no-label-source')]),
])
def test_third_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected


@pytest.mark.parametrize("md, rule, expected", [
    # fourth review: look-alikes of this session's readings (each read right before it too)
    ('## Goal\nPredict which subscribers will cancel so the CRM team can call them.\n## Data\nOrder logs and customer profiles from the warehouse.\nThe target column is still undefined: marketing and finance count churn differently.\n',
     'no-label-source', [(3, 'no-label-source')]),
    ('## Goal\nPredict which subscribers will cancel so the CRM team can call them.\n## Data\nOrder logs and customer profiles from the warehouse. The target column is not filled in the CRM export; how to define churn is still open.\n',
     'no-label-source', [(3, 'no-label-source')]),
])
def test_fourth_review_look_alikes(md, rule, expected):
    assert check(md, rule) == expected
