import type { ApplicationView } from '@pass/shared';
import { DetailRow } from '@/components/detail-row';
import { categoryName, partyText, place, quantityText, validityText } from '@/utils/labels';

/**
 * What an application carries, where and when, and between whom: the rows the applicant's detail and
 * the reviewer's detail both show, in one order. `flagged` marks the rows a return asked to correct.
 */
export function ApplicationRows({
  application: app,
  flagged,
}: {
  application: ApplicationView;
  flagged: (...fields: string[]) => boolean;
}) {
  return (
    <>
      <DetailRow label='物资类别' value={categoryName(app.materialCategory)} flagged={flagged('materialCategory')} />
      <DetailRow
        label='物资说明'
        value={app.materialDescription ?? '未填写'}
        flagged={flagged('materialDescription')}
      />
      <DetailRow
        label='数量'
        value={quantityText(app.quantity, app.quantityUnit)}
        flagged={flagged('quantity', 'quantityUnit')}
      />
      <DetailRow label='始发地' value={place(app.originCode)} flagged={flagged('originCode')} />
      {(app.waypointCodes.length > 0 || flagged('waypointCodes')) && (
        <DetailRow
          label='途经地'
          value={app.waypointCodes.map(place).join('、') || '未填写'}
          flagged={flagged('waypointCodes')}
        />
      )}
      <DetailRow label='目的地' value={place(app.destinationCode)} flagged={flagged('destinationCode')} />
      <DetailRow
        label='有效期'
        value={validityText(app.validFrom, app.validTo)}
        flagged={flagged('validFrom', 'validTo')}
      />
      <DetailRow
        label='发货单位'
        value={partyText(app.consignor)}
        flagged={flagged('consignor')}
        testId='row-consignor'
      />
      <DetailRow
        label='收货单位'
        value={partyText(app.consignee)}
        flagged={flagged('consignee')}
        testId='row-consignee'
      />
    </>
  );
}
