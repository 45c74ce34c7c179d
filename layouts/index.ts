/** The page layouts: plain functions from view models to complete HTML documents. */
export type { PageContext } from './context.ts';
export { escapeAttr, escapeHtml, join } from './html.ts';
export type { Fragment } from './html.ts';
export { basePage, STYLESHEET_PATH, TOPICS_INDEX_PATH } from './base.ts';
export type { BasePageOptions } from './base.ts';
export { articlePage } from './article.ts';
export { dayPage } from './day.ts';
export { monthPage } from './month.ts';
export { yearPage } from './year.ts';
export { topicPage, topicMonthPage, topicsIndexPage } from './topic.ts';
export { homePage } from './home.ts';
export type { HomePageData } from './home.ts';
export { notFoundPage } from './not-found.ts';
export { searchPage, SEARCH_INDEX_PATH, SEARCH_URL } from './search.ts';
export { articleList, countedList } from './list.ts';
export { articleCount, readingTime, plural } from './format.ts';
export { stylesheet, stylesheetPath, stylesheetUrl } from './assets.ts';
