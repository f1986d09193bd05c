/** What the demo city's seeds share: made-up Chinese names and phone numbers. */
package org.onegrid.shared.demo;
