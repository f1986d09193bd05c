-- Whether the reports of a catalog item may be published (catalog module): Open311's public list of service requests
-- shows their text (phone and ID numbers masked) and point only for such items. Reports of disputes (矛盾纠纷), public
-- order (社会治安) and the personal public-health items are about people and stay unpublished.
ALTER TABLE catalog_item ADD COLUMN published BOOLEAN NOT NULL DEFAULT true;

UPDATE catalog_item i SET published = false
  FROM catalog_category c
 WHERE c.code = i.category_code
   AND (c.name IN ('矛盾纠纷', '社会治安')
        -- 公共卫生: all but the demo city's items about places and things (vectors, food poisoning, unlicensed
        -- practice, drinking water, public premises, animal epidemics); a city reviews its own on the catalog page
        OR (c.name = '公共卫生'
            AND i.code NOT IN ('GGWS-001', 'GGWS-004', 'GGWS-005', 'GGWS-007', 'GGWS-008', 'GGWS-009')));
